# expect: docker-secret-in-env
ARG GITHUB_TOKEN
FROM node:22-alpine AS build
# expect: docker-secret-in-env
# expect: docker-secret-in-env
ENV NODE_ENV=production
ENV LANG=C.UTF-8
# expect: docker-secret-in-env
# expect: docker-secret-in-env
# expect: docker-secret-in-env

FROM node:22-alpine
# expect: docker-secret-in-env
# expect: docker-secret-in-env
ARG AWS_SECRET_ACCESS_KEY
