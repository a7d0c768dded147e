FROM golang:1.23
WORKDIR /src
# expect: docker-broad-copy-without-dockerignore@6-7
COPY . .
