FROM alpine:3.20
# expect: docker-tls-verify-disabled
RUN apk add --no-cache curl \
# expect: docker-tls-verify-disabled
    && curl -s \
       https://example.com/a
RUN pip install \
    flask
# expect: docker-tls-verify-disabled
