# syntax=docker/dockerfile:1-labs
FROM debian:12
# expect-not: docker-run-insecure-entitlement
RUN --security=sandbox make
# expect-not: docker-run-insecure-entitlement
RUN --network=none make test
# expect-not: docker-run-insecure-entitlement
RUN --network=default curl -fsS https://example.com/
# expect-not: docker-run-insecure-entitlement
RUN echo --network=host --security=insecure
# expect-not: docker-run-insecure-entitlement
RUN docker run --network=host alpine true
