FROM alpine:3.20
# expect: docker-workdir-system-directory@9-19
WORKDIR /proc/self
# expect: docker-workdir-system-directory@9-14
WORKDIR /boot
# expect: docker-workdir-system-directory@9-25
WORKDIR "/dev/shm/build"
# expect: docker-workdir-system-directory@17-28
ONBUILD WORKDIR /lost+found
