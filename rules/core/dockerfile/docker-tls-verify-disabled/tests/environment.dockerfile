ARG NODE_VERSION=22
# expect: docker-tls-verify-disabled@5-35
ARG NODE_TLS_REJECT_UNAUTHORIZED=0
FROM node:${NODE_VERSION}-alpine
# expect: docker-tls-verify-disabled@5-24
ENV PYTHONHTTPSVERIFY 0
# expect: docker-tls-verify-disabled@24-43
ENV APP_ENV=production GIT_SSL_NO_VERIFY=1 \
    PORT=8080
ENV LANG=C.UTF-8 \
# expect: docker-tls-verify-disabled@5-34
    npm_config_strict_ssl="false"
# expect: docker-tls-verify-disabled@5-35
RUN NODE_TLS_REJECT_UNAUTHORIZED=0 npm ci
# expect: docker-tls-verify-disabled@12-37
RUN export PIP_TRUSTED_HOST=pypi.org && pip install -r requirements.txt
RUN cd /src \
# expect: docker-tls-verify-disabled@12-34
 && export GIT_SSL_NO_VERIFY=true
# expect: docker-tls-verify-disabled@9-28
RUN env GIT_SSL_NO_VERIFY=1 git clone https://git.example.com/repo.git
# expect: docker-tls-verify-disabled@13-43
ONBUILD ENV NODE_TLS_REJECT_UNAUTHORIZED=0
