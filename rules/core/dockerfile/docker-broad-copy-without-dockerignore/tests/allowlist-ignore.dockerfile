FROM golang:1.23
WORKDIR /src
# expect-not: docker-broad-copy-without-dockerignore
COPY . .
