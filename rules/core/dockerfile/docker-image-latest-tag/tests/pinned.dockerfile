ARG NODE_VERSION=22.11
FROM node:${NODE_VERSION}-alpine3.20 AS build
FROM registry.example.com:5000/team/app:1.4.2 AS vendored
FROM gcr.io/distroless/nodejs22-debian12@sha256:2d4bbcc2b2b7e0b9cfd6e1d7b6cbd8c7a9d5a0b3c2e1f0a9b8c7d6e5f4a3b2c1
FROM scratch
COPY --from=build /app /app
