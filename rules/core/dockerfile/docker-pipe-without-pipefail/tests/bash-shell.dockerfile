FROM debian:12 AS base
SHELL ["/bin/bash", "-c"]
# expect: docker-pipe-without-pipefail@5-9
RUN curl -fsSL https://example.com/b.tgz | tar -xz

FROM base
# expect: docker-pipe-without-pipefail@13-17
ONBUILD RUN wget -qO- https://example.com/c.tgz | tar -xz
