# syntax=docker/dockerfile:1
FROM node:22.11-alpine3.20@sha256:2d4bbcc2b2b7e0b9cfd6e1d7b6cbd8c7a9d5a0b3c2e1f0a9b8c7d6e5f4a3b2c1 AS build
RUN npm ci

FROM gcr.io/distroless/nodejs22-debian12@sha256:9a7b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9
COPY --from=build /app /app

FROM scratch
COPY --from=build /app/bin /bin
