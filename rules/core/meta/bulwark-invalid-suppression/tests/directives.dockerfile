# bulwark-test-now: 2026-06-01
FROM alpine:3.20 AS build
# A valid directive: a rule id, a reason and a future date.
# expect-not: bulwark-invalid-suppression
# bulwark-ignore docker-image-latest-tag reason="base image is rebuilt nightly" until=2026-12-31
FROM nginx:latest
# expect: bulwark-invalid-suppression@3-41
# bulwark-ignore docker-image-latest-tag
FROM redis:latest
# expect: bulwark-invalid-suppression@3-84
# bulwark-ignore docker-image-latest-tag reason="waiting for 1.27" until=2026-05-31
FROM nginx:latest
# The last valid day is the until date itself.
# expect-not: bulwark-invalid-suppression
# bulwark-ignore docker-image-latest-tag reason="waiting for 1.27" until=2026-06-01
FROM nginx:latest
# expect: bulwark-invalid-suppression@3-79
# bulwark-ignore docker-image-latest-tag reason="no such day" until=2026-02-30
FROM nginx:latest
# expect: bulwark-invalid-suppression@3-24
# bulwark-ignore reason="forgot which rule"
FROM nginx:latest
# A peer's id (hadolint) is not a Bulwark rule id.
# expect: bulwark-invalid-suppression@3-50
# bulwark-ignore DL3007 reason="pinned elsewhere"
FROM nginx:latest
# expect: bulwark-invalid-suppression@3-17
# bulwark-ignore
RUN apk add --no-cache \
    curl \
    ca-certificates
