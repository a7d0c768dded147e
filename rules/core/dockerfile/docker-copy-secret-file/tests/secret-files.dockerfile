FROM node:22 AS build
WORKDIR /src
# expect: docker-copy-secret-file@6-12
COPY id_rsa /root/.ssh/id_rsa
# expect: docker-copy-secret-file@19-30
COPY deploy-keys/ /root/.ssh/
# expect: docker-copy-secret-file@6-12
COPY .npmrc package.json package-lock.json ./
RUN npm ci
# expect: docker-copy-secret-file@24-28
COPY --chown=node:node .env /app/.env
# expect: docker-copy-secret-file@5-20
ADD .env.production /app/
# expect: docker-copy-secret-file@7-25
COPY ["certs/server.key", "/etc/nginx/tls.key"]
# expect: docker-copy-secret-file@6-34
COPY secrets/service-account.json /var/run/gcp/
# expect: docker-copy-secret-file@6-16
COPY kubeconfig /root/.kube/config

FROM node:22
# expect: docker-copy-secret-file@29-33
COPY --from=build /src/dist .env ./
# expect: docker-copy-secret-file@14-25
ONBUILD COPY privkey.pem /etc/ssl/private/
