FROM debian:12-slim
# expect: docker-package-signature-disabled
RUN apt-get update && apt-get install -y ca-certificates
# expect: docker-package-signature-disabled
RUN apt-get install -y python3
# expect: docker-package-signature-disabled
RUN apt-get install -qy python3
RUN apt-get \
# expect: docker-package-signature-disabled
    update
# expect: docker-package-signature-disabled
RUN apt-get install -y python3
# expect: docker-package-signature-disabled
RUN apk add /tmp/local.apk
# expect: docker-package-signature-disabled
RUN dnf install -y python3 && dnf clean all
# expect: docker-package-signature-disabled
RUN tdnf install -y ${package} shadow-utils && tdnf clean all
# expect: docker-package-signature-disabled
RUN rpm -i python3.rpm
RUN rpm \
# expect: docker-package-signature-disabled
    -i python3.rpm
# expect: docker-package-signature-disabled
# expect: docker-package-signature-disabled
RUN yum-config-manager --save
# expect: docker-package-signature-disabled
RUN echo "prodsec" && yum-config-manager --save
# expect: docker-package-signature-disabled
RUN dnf config-manager --save
# expect: docker-package-signature-disabled
RUN zypper --non-interactive install curl
# expect: docker-package-signature-disabled
# expect: docker-package-signature-disabled
ONBUILD RUN ["apk", "add", "--allow-untrusted", "/pkgs/app.apk"]
# The option before the subcommand still applies to the install.
# expect: docker-package-signature-disabled
RUN apk add --no-cache /tmp/packages/app.apk
