FROM debian:12
# expect-not: docker-expose-ssh
EXPOSE 8080 2222 222 122
# expect-not: docker-expose-ssh
EXPOSE 22/udp
# expect-not: docker-expose-ssh
EXPOSE ${SSH_PORT}
# expect-not: docker-expose-ssh
RUN echo "EXPOSE 22"
