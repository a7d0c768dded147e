FROM node:22-alpine
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev
# expect: docker-broad-copy-without-dockerignore@6-7
COPY . .
# expect: docker-broad-copy-without-dockerignore@19-21
COPY --chown=node ./ /app/
# expect-not: docker-broad-copy-without-dockerignore
COPY --from=build /app/dist ./dist
# expect-not: docker-broad-copy-without-dockerignore
COPY src/ ./src/
# expect: docker-broad-copy-without-dockerignore@6-9
ADD ["*", "/app/"]
