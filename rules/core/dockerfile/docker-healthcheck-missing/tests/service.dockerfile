FROM golang:1.23 AS build
RUN go build -o /out/server ./cmd/server

# expect: docker-healthcheck-missing@6-39
FROM gcr.io/distroless/static-debian12
COPY --from=build /out/server /server
EXPOSE 8080
USER 65532:65532
ENTRYPOINT ["/server"]
