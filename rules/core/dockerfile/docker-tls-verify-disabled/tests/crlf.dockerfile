FROM alpine:3.20
# expect: docker-tls-verify-disabled@5-35
ENV NODE_TLS_REJECT_UNAUTHORIZED=0
RUN apk add --no-cache curl \
# expect: docker-tls-verify-disabled@15-16
    && curl -sk \
       https://example.com/a
RUN pip install \
    flask \
# expect: docker-tls-verify-disabled@5-28
    --trusted-host pypi.org
