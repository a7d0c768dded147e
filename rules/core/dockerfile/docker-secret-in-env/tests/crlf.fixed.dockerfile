FROM alpine:3.20
# expect: docker-secret-in-env@20-38
ENV PORT=8080
