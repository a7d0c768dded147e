ARG NODE_VERSION=22
# expect: docker-tls-verify-disabled@5-35
FROM node:${NODE_VERSION}-alpine
# expect: docker-tls-verify-disabled@5-24
# expect: docker-tls-verify-disabled@24-43
ENV APP_ENV=production PORT=8080
ENV LANG=C.UTF-8
# expect: docker-tls-verify-disabled@5-34
# expect: docker-tls-verify-disabled@5-35
RUN npm ci
# expect: docker-tls-verify-disabled@12-37
RUN pip install -r requirements.txt
RUN cd /src
# expect: docker-tls-verify-disabled@12-34
# expect: docker-tls-verify-disabled@9-28
RUN env git clone https://git.example.com/repo.git
# expect: docker-tls-verify-disabled@13-43
