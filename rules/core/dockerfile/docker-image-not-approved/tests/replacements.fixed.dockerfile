ARG TAG=18
# expect: docker-image-not-approved@6-20
FROM registry.acme.example/base/node:20-slim AS build
RUN npm ci
# expect: docker-image-not-approved@6-21
FROM registry.acme.example/base/python:3.12-slim
# expect: docker-image-not-approved@6-17
FROM python:3.13
# expect: docker-image-not-approved@6-17
FROM node:${TAG}
