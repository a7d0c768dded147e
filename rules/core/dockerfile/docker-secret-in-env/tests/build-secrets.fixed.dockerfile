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

FROM alpine:3.20 AS migrate
# Read as ${DB_PASSWORD:-…} by one RUN; the other reads $DB_PASSWORD_FILE, another variable: the mount goes on the first only.
# expect: docker-secret-in-env@17-33
RUN --mount=type=secret,id=db_password,env=DB_PASSWORD psql "password=${DB_PASSWORD:-none}" -c "select 1"
RUN cat "$DB_PASSWORD_FILE"
