FROM ruby:3.3-slim
# expect: docker-package-version-unpinned@17-22
RUN gem install rails bundler:2.5.6
# expect-not: docker-package-version-unpinned
RUN gem install rails -v 7.1.3 && gem install ./vendor/tool-1.0.gem

FROM rockylinux:9
# expect: docker-package-version-unpinned@20-25, docker-package-version-unpinned@47-51
RUN dnf install -y httpd mod_ssl-2.4.57-5.el9 wget && dnf clean all
# expect: docker-package-version-unpinned@44-47
RUN yum -y --setopt=tsflags=nodocs install tar @development /tmp/local.rpm
# expect: docker-package-version-unpinned@51-55
RUN microdnf install -y --nodocs shadow-utils-4.9 gzip

FROM opensuse/leap:15.6
# expect: docker-package-version-unpinned@41-44
RUN zypper --non-interactive install -y git 'curl>=8' vim=9.1
# expect-not: docker-package-version-unpinned
RUN zypper refresh && zypper in -y --repo oss bzip2=1.0.8

FROM golang:1.23
# expect: docker-package-version-unpinned@16-56, docker-package-version-unpinned@57-88
RUN go install github.com/go-delve/delve/cmd/dlv@latest golang.org/x/tools/gopls@master
# expect-not: docker-package-version-unpinned
RUN go install golang.org/x/vuln/cmd/govulncheck@v1.1.3 honnef.co/go/tools/cmd/staticcheck@5c8b2d1 ./cmd/... example.com/tool
# expect-not: docker-package-version-unpinned
RUN GOFLAGS=-mod=mod go install -tags netgo ./...
