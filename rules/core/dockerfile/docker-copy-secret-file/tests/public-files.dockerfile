FROM nginx:1.27
# expect-not: docker-copy-secret-file
COPY known_hosts /root/.ssh/known_hosts
# expect-not: docker-copy-secret-file
COPY id_rsa.pub /root/.ssh/authorized_keys
# expect-not: docker-copy-secret-file
COPY ssh_config /etc/ssh/ssh_config
# expect-not: docker-copy-secret-file
COPY .env.example /app/.env.example
# expect-not: docker-copy-secret-file
COPY corp-root-ca.pem /usr/local/share/ca-certificates/corp-root-ca.crt
# expect-not: docker-copy-secret-file
COPY nodesource.gpg.key /etc/apt/keyrings/
# expect-not: docker-copy-secret-file
COPY environment.ts keys.json /app/
# expect-not: docker-copy-secret-file
RUN cp /run/secrets/npmrc /root/.npmrc.template
# expect-not: docker-copy-secret-file
COPY <<EOF /app/.env
PORT=8080
EOF
