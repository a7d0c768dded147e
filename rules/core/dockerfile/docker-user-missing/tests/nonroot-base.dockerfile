FROM golang:1.23 AS build
RUN go build -o /out/app ./cmd/app

# expect-not: docker-user-missing
FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/app /app
ENTRYPOINT ["/app"]
