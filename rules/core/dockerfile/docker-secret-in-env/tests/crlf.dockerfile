FROM alpine:3.20
# expect: docker-secret-in-env
ENV ADMIN_PASSWORD=hunter2-but-longer \
    PORT=8080
