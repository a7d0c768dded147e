FROM golang:1.23 AS build
RUN go build -o /out/app ./cmd/app

# expect: docker-user-missing@6-20
FROM debian:12-slim
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates
COPY --from=build /out/app /usr/local/bin/app
EXPOSE 8080
USER 10001:10001
# Start the server.
ENTRYPOINT ["app"]
CMD ["--port", "8080"]
