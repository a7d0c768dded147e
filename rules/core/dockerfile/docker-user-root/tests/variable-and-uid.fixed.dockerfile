FROM alpine:3.20
ARG APP_USER=0
RUN adduser -D app
# expect: docker-user-root@6-19
user 10001:10001
ENTRYPOINT ["/bin/sh"]
