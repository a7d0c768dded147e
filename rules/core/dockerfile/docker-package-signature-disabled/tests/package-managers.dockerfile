FROM debian:12-slim
# expect: docker-package-signature-disabled@42-65
RUN apt-get update && apt-get install -y --allow-unauthenticated ca-certificates
# expect: docker-package-signature-disabled@21-32
RUN apt-get install --force-yes python3
# expect: docker-package-signature-disabled@25-36
RUN apt-get install -qy --force-yes python3
RUN apt-get \
# expect: docker-package-signature-disabled@5-34
    --allow-insecure-repositories \
    update
# expect: docker-package-signature-disabled@13-51
RUN apt-get -o APT::Get::AllowUnauthenticated=true install -y python3
# expect: docker-package-signature-disabled@13-30
RUN apk add --allow-untrusted /tmp/local.apk
# expect: docker-package-signature-disabled@20-32
RUN dnf install -y --nogpgcheck python3 && dnf clean all
# expect: docker-package-signature-disabled@45-57
RUN tdnf install -y ${package} shadow-utils --nogpgcheck && tdnf clean all
# expect: docker-package-signature-disabled@12-22
RUN rpm -i --nodigest python3.rpm
RUN rpm \
# expect: docker-package-signature-disabled@5-18
    --nosignature \
    -i python3.rpm \
# expect: docker-package-signature-disabled@5-15
    --noverify
# expect: docker-package-signature-disabled@31-54
RUN yum-config-manager --save --setopt=\*.sslverify=0
# expect: docker-package-signature-disabled@42-68
RUN echo "prodsec" && yum-config-manager --setopt="lol.sslverify"=0 --save
# expect: docker-package-signature-disabled@31-54
RUN dnf config-manager --save --setopt=gpgcheck=False
# expect: docker-package-signature-disabled@30-45
RUN zypper --non-interactive --no-gpg-checks install curl
# expect: docker-package-signature-disabled@5-16
ENV GOSUMDB=off
# expect: docker-package-signature-disabled@28-47
ONBUILD RUN ["apk", "add", "--allow-untrusted", "/pkgs/app.apk"]
# The option before the subcommand still applies to the install.
# expect: docker-package-signature-disabled@9-26
RUN apk --allow-untrusted add --no-cache /tmp/packages/app.apk
