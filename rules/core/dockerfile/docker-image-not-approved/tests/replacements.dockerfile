ARG TAG=18
# expect: docker-image-not-approved@6-20
FROM node:22-alpine AS build
RUN npm ci
# expect: docker-image-not-approved@6-21
FROM python:3.9-slim
# expect: docker-image-not-approved@6-17
FROM python:3.13
# expect: docker-image-not-approved@6-17
FROM node:${TAG}
