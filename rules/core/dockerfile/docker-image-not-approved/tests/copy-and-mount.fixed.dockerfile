# syntax=docker/dockerfile:1
ARG TOOLS=docker.io/library/node:22
FROM registry.acme.example/base/go:1.23 AS Build
# expect-not: docker-image-not-approved
RUN --mount=type=cache,target=/root/.cache go build ./...
# expect: docker-image-not-approved@28-40
RUN --mount=type=bind,from=busybox:1.36,source=/bin/busybox,target=/bb /bb true
# expect-not: docker-image-not-approved
RUN --mount=type=bind,from=build,target=/src ls /src
FROM registry.acme.example/base/static:1
# expect-not: docker-image-not-approved
COPY --from=build /out/app /app
# expect-not: docker-image-not-approved
COPY --from=0 /out/app /app2
# expect-not: docker-image-not-approved
COPY --from=registry.acme.example/tools/jq:1.7 /usr/bin/jq /usr/bin/jq
# expect: docker-image-not-approved@13-32
COPY --from=ghcr.io/org/tools:1 /bin/tool /bin/tool
# expect: docker-image-not-approved@13-20
COPY --from=registry.acme.example/base/node:20-slim /usr/local/bin/node /usr/local/bin/node
# expect: docker-image-not-approved@13-21
COPY --from=${TOOLS} /usr/local/bin/npm /usr/local/bin/npm
