# No USER, but every workload of this folder that runs the image (ghcr.io/acme/api, built here as
# compose.yaml says) sets a non-root runAsUser or runAsNonRoot: true: it never runs as root there.
# expect-not: docker-user-missing
FROM node:20-slim
WORKDIR /app
COPY . .
CMD ["node", "server.js"]
