# The final stage builds on an earlier stage picked by an ARG: that stage's USER is what runs.
ARG BASE_DISTRIBUTION=debug
FROM debian:12-slim AS debug
RUN useradd --uid 10001 app
USER app

FROM gcr.io/distroless/static-debian12:nonroot AS distroless

# expect-not: docker-user-missing
FROM ${BASE_DISTRIBUTION:-debug}
COPY app /usr/local/bin/app
ENTRYPOINT ["/usr/local/bin/app"]
