FROM fedora:41
RUN dnf install -y python3 && dnf clean all
RUN rpm -i python3.rpm | grep "--nosignature"
RUN rpm -i python3.rpm && rpm -V python3
RUN yum-config-manager --save --setopt=sslverify=1 --setopt=install_weak_deps=False
RUN yum-config-manager --disable sslverify
RUN apt-get install -y python3 || echo "--allow-unauthenticated"
RUN apk add --no-cache a-handbag | grep "--allow-untrusted"
ENV GOSUMDB=sum.golang.org GOFLAGS=-mod=readonly
# Indexing locally built packages installs nothing; the index is signed right after (nginx's alpine images).
# expect-not: docker-package-signature-disabled
RUN apk index --allow-untrusted -o /tmp/packages/APKINDEX.tar.gz /tmp/packages/*.apk && abuild-sign -k /tmp/key.rsa /tmp/packages/APKINDEX.tar.gz
