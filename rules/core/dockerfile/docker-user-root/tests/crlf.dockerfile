FROM node:22-alpine
WORKDIR /app
COPY . .
# expect: docker-user-root
USER 0
CMD ["node", "server.js"]
