FROM debian:12
RUN apt-get update && apt-get install -y --no-install-recommends openssh-server
# expect: docker-expose-ssh@8-10
# expect: docker-expose-ssh@13-19
EXPOSE 8080 9090
# expect: docker-expose-ssh@8-14
EXPOSE \
  2222
