FROM alpine:3.20
# expect-not: docker-workdir-system-directory
WORKDIR /app
# expect-not: docker-workdir-system-directory
WORKDIR /srv/proc
# expect-not: docker-workdir-system-directory
WORKDIR /devtools
# expect-not: docker-workdir-system-directory
WORKDIR proc
# expect-not: docker-workdir-system-directory
RUN cd /proc && ls
