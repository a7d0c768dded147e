FROM python:3.12-slim
WORKDIR /srv
# expect: docker-broad-copy-without-dockerignore@6-7
COPY . /srv
