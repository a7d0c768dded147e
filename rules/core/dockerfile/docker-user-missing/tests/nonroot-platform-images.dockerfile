# .NET's chiseled and distroless images end with USER $APP_UID (app, 1654), so images built on them run as app.
ARG REPO=mcr.microsoft.com/dotnet/runtime-deps
FROM mcr.microsoft.com/windows/servercore:ltsc2022 AS installer
RUN echo build as ContainerAdministrator

FROM golang:1.23 AS build
RUN go build -o /out/app ./cmd/app

# expect-not: docker-user-missing
FROM $REPO:8.0.30-noble-chiseled-amd64
COPY --from=build /out/app /app
ENTRYPOINT ["/app"]
