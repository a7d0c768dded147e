# syntax=docker/dockerfile:1
ARG REGISTRY=registry.acme.example
# expect-not: docker-image-not-approved
FROM registry.acme.example/base/node:20-slim AS build
# expect-not: docker-image-not-approved
FROM ${REGISTRY}/base/go:1.23 AS tools
# expect: docker-image-not-approved@6-54
FROM registry.acme.example.evil.com/base/node:20-slim AS lookalike
# expect: docker-image-not-approved@6-50
FROM registry.acme.example:5000/base/node:20-slim AS other-port
# expect: docker-image-not-approved@6-42
FROM acme.example/registry.acme.example:1
# expect-not: docker-image-not-approved
FROM build
# expect-not: docker-image-not-approved
FROM scratch
COPY --from=build /app /app
