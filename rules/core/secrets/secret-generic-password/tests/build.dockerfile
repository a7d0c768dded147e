FROM node:22.11-alpine3.20
# expect: secret-generic-password@15-31
ENV NPM_TOKEN=Zq7mKx9Tf4bLFAKE
# The legacy form without "=".
# expect: secret-generic-password@17-33
ENV DB_PASSWORD W4bLc8NvY3pFAKE7
# expect-not: secret-generic-password
ARG NPM_TOKEN
# expect: secret-generic-password@34-51
RUN mysql --user=root --password=Hs6Dj1Ge5aZq7FAKE -e 'select 1'
# expect-not: secret-generic-password
RUN --mount=type=secret,id=npm_token NPM_TOKEN="$(cat /run/secrets/npm_token)" npm ci
