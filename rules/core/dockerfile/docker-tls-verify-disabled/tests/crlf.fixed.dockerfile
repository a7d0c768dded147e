FROM alpine:3.20
# expect: docker-tls-verify-disabled@5-35
RUN apk add --no-cache curl \
# expect: docker-tls-verify-disabled@15-16
    && curl -s \
       https://example.com/a
RUN pip install \
    flask
# expect: docker-tls-verify-disabled@5-28
