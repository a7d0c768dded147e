FROM alpine:3.20
# expect: docker-secret-in-env
ENV PORT=8080
