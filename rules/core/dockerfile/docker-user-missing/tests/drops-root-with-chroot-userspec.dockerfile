# expect-not: docker-user-missing
FROM debian:12-slim
COPY app /srv/app
ENTRYPOINT chroot --userspec=10001:10001 / /srv/app/server
