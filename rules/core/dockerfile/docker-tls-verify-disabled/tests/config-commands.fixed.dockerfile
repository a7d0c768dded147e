FROM node:22-alpine
# expect: docker-tls-verify-disabled@20-36
RUN npm ci
# expect: docker-tls-verify-disabled@21-39
RUN apk add --no-cache git \
# expect: docker-tls-verify-disabled@25-45
 && git clone https://git.example.com/repo.git /src
RUN set -eux \
    && if [ -n "${NPM_PROXY}" ]; then \
# Inside if/fi: flagged, no fix (deleting it would leave an empty branch).
# expect: docker-tls-verify-disabled@25-41
         npm config set strict-ssl false; \
       fi \
    && npm install -g serve
# expect: docker-tls-verify-disabled@20-73
