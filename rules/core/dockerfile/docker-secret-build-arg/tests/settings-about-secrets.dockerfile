FROM node:22-alpine
# Build arguments that describe a credential carry none.
# expect-not: docker-secret-build-arg
ARG OIDC_TOKEN_AUDIENCE
# expect-not: docker-secret-build-arg
ARG OIDC_TOKEN_ISSUER
# expect-not: docker-secret-build-arg
ARG PASSWORD_HASH_ALGO
# expect: docker-secret-build-arg@5-23
ARG MYSQL_ROOTPASSWORD
