FROM alpine:3.20
ARG APP_USER=0
RUN adduser -D app
# expect: docker-user-root@6-19
user ${APP_USER}:0
ENTRYPOINT ["/bin/sh"]
