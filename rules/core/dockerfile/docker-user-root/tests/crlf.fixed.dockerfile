FROM node:22-alpine
WORKDIR /app
COPY . .
# expect: docker-user-root
USER 10001:10001
CMD ["node", "server.js"]
