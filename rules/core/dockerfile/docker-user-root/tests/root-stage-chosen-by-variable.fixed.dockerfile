# The final stage builds on the stage an ARG names; its last USER is root.
ARG BASE=tools
FROM debian:12-slim AS tools
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates
# expect: docker-user-root@6-10
USER root

FROM ${BASE}
COPY app /usr/local/bin/app
USER 10001:10001
CMD ["/usr/local/bin/app"]
