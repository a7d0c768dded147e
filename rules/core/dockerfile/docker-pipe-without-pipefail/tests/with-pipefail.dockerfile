FROM debian:12 AS base
# expect-not: docker-pipe-without-pipefail
RUN set -o pipefail && curl -fsSL https://example.com/tool.tar.gz | tar -xz
# expect-not: docker-pipe-without-pipefail
RUN set -euxo pipefail; wget -qO- https://example.com/key.asc | gpg --dearmor -o /k.gpg
# expect-not: docker-pipe-without-pipefail
RUN curl -fsSLo /tmp/a.tgz https://example.com/a.tgz && tar -xzf /tmp/a.tgz | tee /tmp/list
# expect-not: docker-pipe-without-pipefail
RUN echo "$SHA  /tmp/a.tgz" | sha256sum -c - && ls | grep curl
# expect-not: docker-pipe-without-pipefail
RUN ["sh", "-c", "curl -fsSL https://example.com/x | tar -xz"]
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
# expect-not: docker-pipe-without-pipefail
RUN curl -fsSL https://example.com/tool.tar.gz | tar -xz

FROM base
# expect-not: docker-pipe-without-pipefail
RUN wget -qO- https://example.com/c.tgz | tar -xz

FROM mcr.microsoft.com/windows/servercore:ltsc2022
SHELL ["powershell", "-Command", "$ErrorActionPreference = 'Stop';"]
# expect-not: docker-pipe-without-pipefail
RUN curl.exe -fsSL https://example.com/x.zip | Out-Null

