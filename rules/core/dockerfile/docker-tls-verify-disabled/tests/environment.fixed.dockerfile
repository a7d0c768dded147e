ARG NODE_VERSION=22
# expect: docker-tls-verify-disabled
FROM node:${NODE_VERSION}-alpine
# expect: docker-tls-verify-disabled
# expect: docker-tls-verify-disabled
ENV APP_ENV=production PORT=8080
ENV LANG=C.UTF-8
# expect: docker-tls-verify-disabled
# expect: docker-tls-verify-disabled
RUN npm ci
# expect: docker-tls-verify-disabled
RUN pip install -r requirements.txt
RUN cd /src
# expect: docker-tls-verify-disabled
# expect: docker-tls-verify-disabled
RUN env git clone https://git.example.com/repo.git
# expect: docker-tls-verify-disabled
