FROM debian:12-slim
# expect: docker-package-signature-disabled@42-65
RUN apt-get update && apt-get install -y ca-certificates
# expect: docker-package-signature-disabled@21-32
RUN apt-get install -y python3
# expect: docker-package-signature-disabled@25-36
RUN apt-get install -qy python3
RUN apt-get \
# expect: docker-package-signature-disabled@5-34
    update
# expect: docker-package-signature-disabled@13-51
RUN apt-get install -y python3
# expect: docker-package-signature-disabled@13-30
RUN apk add /tmp/local.apk
# expect: docker-package-signature-disabled@20-32
RUN dnf install -y python3 && dnf clean all
# expect: docker-package-signature-disabled@45-57
RUN tdnf install -y ${package} shadow-utils && tdnf clean all
# expect: docker-package-signature-disabled@12-22
RUN rpm -i python3.rpm
RUN rpm \
# expect: docker-package-signature-disabled@5-18
    -i python3.rpm
# expect: docker-package-signature-disabled@5-15
# expect: docker-package-signature-disabled@31-54
RUN yum-config-manager --save
# expect: docker-package-signature-disabled@42-68
RUN echo "prodsec" && yum-config-manager --save
# expect: docker-package-signature-disabled@31-54
RUN dnf config-manager --save
# expect: docker-package-signature-disabled@30-45
RUN zypper --non-interactive install curl
# expect: docker-package-signature-disabled@5-16
# expect: docker-package-signature-disabled@28-47
ONBUILD RUN ["apk", "add", "--allow-untrusted", "/pkgs/app.apk"]
# The option before the subcommand still applies to the install.
# expect: docker-package-signature-disabled@9-26
RUN apk add --no-cache /tmp/packages/app.apk
