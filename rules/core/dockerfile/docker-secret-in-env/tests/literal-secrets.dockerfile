# expect: docker-secret-in-env@18-58
ARG GITHUB_TOKEN=ghp_Xq9bT2mV7rL4sK8wN1cY6dE3fA0hJ5gU2pZ7
FROM node:22-alpine AS build
# expect: docker-secret-in-env@15-57
ENV NPM_TOKEN="npm_8fK2lQ9xW4tR7vB1nM6cZ3yH0jD5sA8eP2uG"
# expect: docker-secret-in-env@37-49
ENV NODE_ENV=production DB_PASSWORD=Sup3rS3cret!
ENV LANG=C.UTF-8 \
# expect: docker-secret-in-env@12-53
    apiKey='AIzaSyD3x8Kf0vQ2mL9nB4tR7wY1cH6jE5gU0pZ'
# expect: docker-secret-in-env@18-63
ENV DATABASE_URL=postgres://app:s3cr3t-pw@db.internal:5432/app
# expect: docker-secret-in-env@16-39
env JWT_SECRET q7Wz3kPz9RtLm2Xv8NcFAKE

FROM node:22-alpine
# expect: docker-secret-in-env@31-62
ONBUILD ENV SENTRY_AUTH_TOKEN=sntrys_eyJpYXQiOjE3MDAwMDAwMDB9
# expect: docker-secret-in-env@27-67
ARG AWS_SECRET_ACCESS_KEY=r7Kq2ZfT9wXv4Lm8Np3Bs6Hd1Gj5Yc0e/FAKE+k9
# A Mapbox secret token (`sk.`) is still a secret, whatever its payload looks like.
# expect: docker-secret-in-env@18-75
ENV MAPBOX_TOKEN=sk.eyJ1IjoiZmxlZXQtbWFwcyIsImEiOiJ4In0.Qm7vR2xLp9Tz4KwN8c
