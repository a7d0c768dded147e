# Nano Server runs as ContainerUser; the tag is only known at build time, the image name already tells.
ARG WINDOWS_VERSION
# expect-not: docker-user-missing
FROM mcr.microsoft.com/windows/nanoserver:${WINDOWS_VERSION}
COPY app.exe /app/app.exe
ENTRYPOINT ["C:\\app\\app.exe"]
