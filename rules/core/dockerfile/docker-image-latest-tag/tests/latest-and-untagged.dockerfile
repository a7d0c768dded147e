ARG BASE_TAG=latest
ARG RUNTIME

# expect: docker-image-latest-tag
FROM node:latest AS build
# expect: docker-image-latest-tag
FROM golang AS tools
# expect: docker-image-latest-tag
FROM registry.example.com:5000/team/app AS vendored
# expect: docker-image-latest-tag
FROM alpine:${BASE_TAG}
# expect-not: docker-image-latest-tag
FROM debian:${RUNTIME}
# expect-not: docker-image-latest-tag
FROM build
