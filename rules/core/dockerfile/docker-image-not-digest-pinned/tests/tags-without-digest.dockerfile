ARG PYTHON_VERSION=3.12
ARG RUNTIME

# expect: docker-image-not-digest-pinned@6-35
FROM python:${PYTHON_VERSION}-slim AS build
# expect: docker-image-not-digest-pinned@6-48
from registry.example.com:5000/team/tools:1.4.2 as tools
# expect: docker-image-not-digest-pinned@32-43
FROM --platform=$BUILDPLATFORM golang:1.23 AS compile
# expect-not: docker-image-not-digest-pinned
FROM debian:${RUNTIME}
# expect-not: docker-image-not-digest-pinned
FROM build AS final
COPY --from=tools /bin/tool /usr/local/bin/tool
