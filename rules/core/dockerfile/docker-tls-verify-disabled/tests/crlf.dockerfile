FROM alpine:3.20
# expect: docker-tls-verify-disabled
ENV NODE_TLS_REJECT_UNAUTHORIZED=0
RUN apk add --no-cache curl \
# expect: docker-tls-verify-disabled
    && curl -sk \
       https://example.com/a
RUN pip install \
    flask \
# expect: docker-tls-verify-disabled
    --trusted-host pypi.org
