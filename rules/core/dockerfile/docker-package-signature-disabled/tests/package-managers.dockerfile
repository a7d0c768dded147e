FROM debian:12-slim
# expect: docker-package-signature-disabled
RUN apt-get update && apt-get install -y --allow-unauthenticated ca-certificates
# expect: docker-package-signature-disabled
RUN apt-get install --force-yes python3
# expect: docker-package-signature-disabled
RUN apt-get install -qy --force-yes python3
RUN apt-get \
# expect: docker-package-signature-disabled
    --allow-insecure-repositories \
    update
# expect: docker-package-signature-disabled
RUN apt-get -o APT::Get::AllowUnauthenticated=true install -y python3
# expect: docker-package-signature-disabled
RUN apk add --allow-untrusted /tmp/local.apk
# expect: docker-package-signature-disabled
RUN dnf install -y --nogpgcheck python3 && dnf clean all
# expect: docker-package-signature-disabled
RUN tdnf install -y ${package} shadow-utils --nogpgcheck && tdnf clean all
# expect: docker-package-signature-disabled
RUN rpm -i --nodigest python3.rpm
RUN rpm \
# expect: docker-package-signature-disabled
    --nosignature \
    -i python3.rpm \
# expect: docker-package-signature-disabled
    --noverify
# expect: docker-package-signature-disabled
RUN yum-config-manager --save --setopt=\*.sslverify=0
# expect: docker-package-signature-disabled
RUN echo "prodsec" && yum-config-manager --setopt="lol.sslverify"=0 --save
# expect: docker-package-signature-disabled
RUN dnf config-manager --save --setopt=gpgcheck=False
# expect: docker-package-signature-disabled
RUN zypper --non-interactive --no-gpg-checks install curl
# expect: docker-package-signature-disabled
ENV GOSUMDB=off
# expect: docker-package-signature-disabled
ONBUILD RUN ["apk", "add", "--allow-untrusted", "/pkgs/app.apk"]
# The option before the subcommand still applies to the install.
# expect: docker-package-signature-disabled
RUN apk --allow-untrusted add --no-cache /tmp/packages/app.apk
