FROM debian:12
# expect: docker-pipe-without-pipefail@5-9
RUN curl -fsSL https://example.com/tool.tar.gz | tar -xz -C /usr/local/bin
# expect: docker-pipe-without-pipefail@27-31
RUN mkdir -p /etc/keys && wget -qO- https://example.com/key.asc | gpg --dearmor -o /etc/keys/example.gpg
# expect: docker-pipe-without-pipefail@16-20
RUN VERSION="$(curl -fsS https://example.com/latest | jq -r .tag)" && echo "$VERSION"
RUN set -e; \
# expect: docker-pipe-without-pipefail@5-9
    curl -fsSL https://example.com/a.tgz | tar -xz; \
    set -o pipefail
