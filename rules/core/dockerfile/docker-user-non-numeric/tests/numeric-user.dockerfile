FROM node:22 AS build
USER node
RUN npm ci

FROM node:22-slim
# expect-not: docker-user-non-numeric
USER 10001:app
CMD ["node", "server.js"]
