FROM debian:12
# expect: docker-package-update-alone@5-19
RUN apt-get update
RUN apt-get install -y --no-install-recommends curl
# expect: docker-package-update-alone@43-60
RUN apt-get install -y ca-certificates && apt-get -q update
# expect: docker-package-update-alone@5-15
RUN apk update
# expect: docker-package-update-alone@10-23
RUN sudo dnf makecache && echo ready
# expect: docker-package-update-alone@13-23
ONBUILD RUN apt update
