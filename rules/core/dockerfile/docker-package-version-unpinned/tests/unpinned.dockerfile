FROM debian:12-slim
# expect: docker-package-version-unpinned@66-70
RUN apt-get update && apt-get install -y --no-install-recommends curl ca-certificates=20230311 git-man=1:2.39.5-0 \
 && rm -rf /var/lib/apt/lists/*
# expect: docker-package-version-unpinned@59-64
RUN apt-get -o Dpkg::Options::=--force-confnew -y install nginx
# expect-not: docker-package-version-unpinned
RUN apt-get install -y $(cat /tmp/packages.txt) ./local.deb /tmp/extra.deb ${EXTRA_PACKAGES}
# expect-not: docker-package-version-unpinned
RUN apt-get update && apt-get -y upgrade

FROM alpine:3.20
# expect: docker-package-version-unpinned@72-76
RUN apk add --no-cache --virtual .build-deps gcc=13.2.1_git20240309-r0 make
# expect: docker-package-version-unpinned@13-17
RUN apk add bash libc6-compat~=1.1 ./pkgs/tool.apk

FROM python:3.12-slim
# expect: docker-package-version-unpinned@32-37, docker-package-version-unpinned@55-72
RUN pip install --no-cache-dir flask gunicorn==22.0.0 "requests[socks]" 'uvicorn>=0.30'
# expect-not: docker-package-version-unpinned
RUN pip install -r requirements.txt && pip3 install --requirement=dev.txt
# expect-not: docker-package-version-unpinned
RUN pip install --upgrade pip setuptools wheel && pip install . ./libs/core dist/app-1.0-py3-none-any.whl
# expect-not: docker-package-version-unpinned
RUN pip install -e .[test] && pip install git+https://github.com/acme/tool@v1.2.0
# expect: docker-package-version-unpinned@68-88
RUN python3 -m pip install poetry==1.8.3 && python3 -m pip install poetry-plugin-export

FROM node:22-alpine
# expect: docker-package-version-unpinned@20-24, docker-package-version-unpinned@25-37
RUN npm install -g pnpm @angular/cli @vue/cli@5.0.8 typescript@5.4.5
# expect-not: docker-package-version-unpinned
RUN npm ci --omit=dev && npm install && npm i ./packages/shared
# expect: docker-package-version-unpinned@14-28, docker-package-version-unpinned@54-70
RUN npm i -D nodemon@latest left-pad@1.3.0 eslint@^8 @types/node@next
