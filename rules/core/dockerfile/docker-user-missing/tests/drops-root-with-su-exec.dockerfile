# expect-not: docker-user-missing
FROM alpine:3.20
RUN apk add --no-cache redis su-exec
ENTRYPOINT ["su-exec", "redis", "redis-server"]
