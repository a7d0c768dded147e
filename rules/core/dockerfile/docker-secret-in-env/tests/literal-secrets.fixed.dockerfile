# expect: docker-secret-in-env@18-58
ARG GITHUB_TOKEN
FROM node:22-alpine AS build
# expect: docker-secret-in-env@15-57
# expect: docker-secret-in-env@37-49
ENV NODE_ENV=production
ENV LANG=C.UTF-8
# expect: docker-secret-in-env@12-53
# expect: docker-secret-in-env@18-63
# expect: docker-secret-in-env@16-39

FROM node:22-alpine
# expect: docker-secret-in-env@31-62
# expect: docker-secret-in-env@27-67
ARG AWS_SECRET_ACCESS_KEY
# A Mapbox secret token (`sk.`) is still a secret, whatever its payload looks like.
# expect: docker-secret-in-env@18-75
