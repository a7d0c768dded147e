FROM golang:1.23 AS build
# Build stages may run as root: they do not ship.
# expect-not: docker-user-root
USER root
RUN go build -o /out/app ./cmd/app

FROM debian:12-slim
COPY --from=build /out/app /usr/local/bin/app
USER app
# expect: docker-user-root@6-15
USER 10001:10001
EXPOSE 8080
CMD ["app"]
