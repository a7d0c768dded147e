FROM golang:1.23 AS build
RUN go build -o /out/server ./cmd/server

FROM gcr.io/distroless/static-debian12
# expect: docker-copy-whole-filesystem@19-20
COPY --from=build / /
# expect: docker-copy-whole-filesystem@31-34
COPY --from=build --chown=0:0 "/" "/"
# expect: docker-copy-whole-filesystem@32-35
COPY --from=build --link=true ["/", "/"]
