# Creating a user is not running as it: the server still starts as root.
# expect: docker-user-missing@6-18
FROM node:20-slim
RUN useradd --uid 10001 app
COPY --chown=app . /app
USER 10001:10001
# The word gosu in a comment is no evidence.
CMD ["node", "/app/server.js"]
