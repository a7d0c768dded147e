FROM node:22-alpine AS build
USER root
RUN npm ci

FROM node:22-alpine
USER root
RUN apk add --no-cache tini
USER node
ARG RUNTIME_USER
USER ${RUNTIME_USER}
ONBUILD USER root
CMD ["node", "server.js"]
