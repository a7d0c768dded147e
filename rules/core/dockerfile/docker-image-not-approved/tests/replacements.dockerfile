ARG TAG=18
# expect: docker-image-not-approved
FROM node:22-alpine AS build
RUN npm ci
# expect: docker-image-not-approved
FROM python:3.9-slim
# expect: docker-image-not-approved
FROM python:3.13
# expect: docker-image-not-approved
FROM node:${TAG}
