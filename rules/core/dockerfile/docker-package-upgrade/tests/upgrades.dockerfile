FROM debian:12
# expect: docker-package-upgrade@34-46
RUN apt-get update && apt-get -y dist-upgrade && apt-get install -y curl
# expect: docker-package-upgrade@50-57
RUN apt-get -o Dpkg::Options::="--force-confold" upgrade -y
# expect: docker-package-upgrade@20-27
RUN apk --no-cache upgrade
# expect: docker-package-upgrade@17-23
RUN sudo yum -y update && yum clean all
# expect: docker-package-upgrade@12-19
RUN dnf -y upgrade --refresh
# expect: docker-package-upgrade@30-33
RUN zypper --non-interactive dup
