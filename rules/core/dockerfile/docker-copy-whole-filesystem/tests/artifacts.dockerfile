FROM golang:1.23 AS build
RUN go build -o /out/server ./cmd/server

FROM gcr.io/distroless/static-debian12
# expect-not: docker-copy-whole-filesystem
COPY --from=build /out/server /usr/local/bin/server
# expect-not: docker-copy-whole-filesystem
COPY --from=build / /rootfs
# expect-not: docker-copy-whole-filesystem
COPY --from=build /app /
# expect-not: docker-copy-whole-filesystem
COPY / /
