FROM node:22-slim AS base
HEALTHCHECK --interval=30s CMD node healthcheck.js || exit 1

# expect-not: docker-healthcheck-missing
FROM base
EXPOSE 3000
CMD ["node", "server.js"]
