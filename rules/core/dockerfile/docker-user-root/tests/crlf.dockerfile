FROM node:22-alpine
WORKDIR /app
COPY . .
# expect: docker-user-root@6-7
USER 0
CMD ["node", "server.js"]
