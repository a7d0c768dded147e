FROM alpine:3.20
RUN apk add --no-cache curl \
# expect: docker-run-sudo@8-12
    && chmod +x /usr/local/bin/tool
