# expect: docker-secret-build-arg
ARG GITHUB_TOKEN
FROM node:22-alpine
# expect: docker-secret-build-arg
ARG NPM_TOKEN
# expect: docker-secret-build-arg
ENV NPM_TOKEN=${NPM_TOKEN}
# expect: docker-secret-build-arg
arg db_password=
ENV LANG=C.UTF-8 \
# expect: docker-secret-build-arg
    SERVICE_API_KEY=$SERVICE_API_KEY
# expect: docker-secret-build-arg
ONBUILD ARG SONAR_TOKEN
RUN npm ci
