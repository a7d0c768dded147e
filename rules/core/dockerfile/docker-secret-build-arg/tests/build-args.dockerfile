# expect: docker-secret-build-arg@5-17
ARG GITHUB_TOKEN
FROM node:22-alpine
# expect: docker-secret-build-arg@5-14
ARG NPM_TOKEN
# expect: docker-secret-build-arg@5-14
ENV NPM_TOKEN=${NPM_TOKEN}
# expect: docker-secret-build-arg@5-16
arg db_password=
ENV LANG=C.UTF-8 \
# expect: docker-secret-build-arg@5-20
    SERVICE_API_KEY=$SERVICE_API_KEY
# expect: docker-secret-build-arg@13-24
ONBUILD ARG SONAR_TOKEN
RUN npm ci
# expect: docker-secret-build-arg@5-24
ARG ACTIVESTATE_API_KEY
# Emptying the variable afterwards carries nothing into the image: only the ARG is reported.
# expect-not: docker-secret-build-arg
ENV ACTIVESTATE_API_KEY=
