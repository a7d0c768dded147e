# expect-not: docker-image-not-approved
FROM nginx:1.27.2-alpine
# expect-not: docker-image-not-approved
FROM docker.io/library/nginx:1.27
# expect: docker-image-not-approved@6-16
FROM nginx:1.26
# expect: docker-image-not-approved@6-11
FROM nginx
# expect: docker-image-not-approved@6-38
FROM nginxinc/nginx-unprivileged:1.27
# expect-not: docker-image-not-approved
FROM gcr.io/distroless/static@sha256:1111111111111111111111111111111111111111111111111111111111111111
# expect: docker-image-not-approved@6-38
FROM gcr.io/distroless/static:nonroot
