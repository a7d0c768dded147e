FROM python:3.12-slim
WORKDIR /srv
# expect-not: docker-broad-copy-without-dockerignore
COPY . /srv
