FROM debian:12
# expect-not: docker-package-upgrade
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates
# expect-not: docker-package-upgrade
RUN apt-get install -y unattended-upgrades
# expect-not: docker-package-upgrade
RUN apk add --no-cache --upgrade bash
# expect-not: docker-package-upgrade
RUN yum install -y update-motd && dnf makecache
# expect-not: docker-package-upgrade
RUN pip install --upgrade pip && npm update
# expect-not: docker-package-upgrade
RUN echo "apt-get upgrade"
