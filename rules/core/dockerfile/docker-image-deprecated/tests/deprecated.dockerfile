# expect: docker-image-deprecated@6-48
FROM registry.acme.example/base/node:16.20-slim AS build
# expect-not: docker-image-deprecated
FROM registry.acme.example/base/node:20-slim
# expect: docker-image-deprecated@6-44
FROM registry.acme.example/base/python:3.10
# expect-not: docker-image-deprecated
FROM node:16
