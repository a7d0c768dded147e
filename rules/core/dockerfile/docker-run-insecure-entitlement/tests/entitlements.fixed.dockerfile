# syntax=docker/dockerfile:1-labs
FROM debian:12 AS build
# expect: docker-run-insecure-entitlement@5-24
RUN mount -t tmpfs none /mnt
# expect: docker-run-insecure-entitlement@5-19
RUN curl -fsS http://localhost:8080/artifact -o /artifact
# expect: docker-run-insecure-entitlement@41-55
RUN --mount=type=cache,target=/root/.m2 \
    mvn -B package
# expect: docker-run-insecure-entitlement@13-32
ONBUILD RUN make install

FROM debian:12
# expect: docker-run-insecure-entitlement@5-19
RUN \
# expect: docker-run-insecure-entitlement@5-24
    apt-get update
