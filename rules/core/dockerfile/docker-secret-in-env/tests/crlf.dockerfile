FROM alpine:3.20
# expect: docker-secret-in-env@20-38
ENV ADMIN_PASSWORD=hunter2-but-longer \
    PORT=8080
