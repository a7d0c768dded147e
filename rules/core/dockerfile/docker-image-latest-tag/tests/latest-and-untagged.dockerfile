ARG BASE_TAG=latest
ARG RUNTIME
# A default built from earlier ARGs resolves as Docker expands it: quay.io/jupyter/scipy-notebook.
ARG REGISTRY=quay.io
ARG OWNER=jupyter
ARG NOTEBOOK=$REGISTRY/$OWNER/scipy-notebook

# expect: docker-image-latest-tag@11-17
FROM node:latest AS build
# expect: docker-image-latest-tag@6-12
FROM golang AS tools
# expect: docker-image-latest-tag@32-40
FROM registry.example.com:5000/team/app AS vendored
# expect: docker-image-latest-tag@6-24
FROM alpine:${BASE_TAG}
# expect-not: docker-image-latest-tag
FROM debian:${RUNTIME}
# expect-not: docker-image-latest-tag
FROM build
# expect: docker-image-latest-tag@6-15
FROM $NOTEBOOK AS notebook
# Placeholders that a script replaces before the build are not image references: docker build rejects them.
# expect-not: docker-image-latest-tag
FROM REPLACE-ME AS template
# expect-not: docker-image-latest-tag
FROM gcr.io/<project_id>/go-windows AS sample
