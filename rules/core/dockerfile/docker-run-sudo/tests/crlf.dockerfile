FROM alpine:3.20
RUN apk add --no-cache curl \
# expect: docker-run-sudo
    && sudo \
       chmod +x /usr/local/bin/tool
