ARG NODE_VERSION=22
FROM node:${NODE_VERSION}-alpine
ARG PASSWORD_FILE
ARG TOKEN_ENDPOINT
ARG TOKENIZERS_PARALLELISM
# expect-not: docker-secret-build-arg
ENV DB_PASSWORD=literal-is-the-other-rule
RUN --mount=type=secret,id=npm_token,env=NPM_TOKEN npm ci
