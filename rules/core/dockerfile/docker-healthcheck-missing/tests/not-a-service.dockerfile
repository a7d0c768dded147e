# a command-line tool: nothing listens, so there is nothing to probe
# expect-not: docker-healthcheck-missing
FROM alpine:3.20
RUN apk add --no-cache jq
ENTRYPOINT ["jq"]
