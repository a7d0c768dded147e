# syntax=docker/dockerfile:1
FROM node:22-alpine AS build
# expect: docker-secret-in-env@15-31
WORKDIR /app
COPY package*.json ./
RUN --mount=type=secret,id=npm_token,env=NPM_TOKEN echo "//registry.npmjs.org/:_authToken=${NPM_TOKEN}" > .npmrc && npm ci && rm .npmrc
RUN npm run build

FROM node:22-alpine
# Read by the application at run time too: only removing it is offered.
# expect: docker-secret-in-env@20-36
RUN test -n "$SESSION_SECRET"
CMD ["sh", "-c", "SESSION_SECRET=$SESSION_SECRET node server.js"]
