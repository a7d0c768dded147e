FROM node:22-alpine AS build
# expect: docker-secret-in-env@15-31
ARG NPM_TOKEN=Wq7Lz3Tr9Xk2Vm5P
WORKDIR /app
COPY package*.json ./
RUN echo "//registry.npmjs.org/:_authToken=${NPM_TOKEN}" > .npmrc && npm ci && rm .npmrc
RUN npm run build

FROM node:22-alpine
# Read by the application at run time too: only removing it is offered.
# expect: docker-secret-in-env@20-36
ENV SESSION_SECRET=Kz8Rq4Wt2Lx7Vn3M
RUN test -n "$SESSION_SECRET"
CMD ["sh", "-c", "SESSION_SECRET=$SESSION_SECRET node server.js"]

FROM alpine:3.20 AS migrate
# Read as ${DB_PASSWORD:-…} by one RUN; the other reads $DB_PASSWORD_FILE, another variable: the mount goes on the first only.
# expect: docker-secret-in-env@17-33
ENV DB_PASSWORD=Hq3Zt8Lw2Rx6Pn4K
RUN psql "password=${DB_PASSWORD:-none}" -c "select 1"
RUN cat "$DB_PASSWORD_FILE"
