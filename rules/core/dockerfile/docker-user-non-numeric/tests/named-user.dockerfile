FROM node:22 AS build
USER node
RUN npm ci

FROM node:22-slim
RUN useradd --uid 10001 app
# expect: docker-user-non-numeric@6-13
USER app:app
CMD ["node", "server.js"]
