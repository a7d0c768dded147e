FROM alpine:3.20
# expect-not: docker-add-remote-url
ADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/tool.tgz /opt/
# expect-not: docker-add-remote-url
ADD https://github.com/example/repo.git#v1.2.3 /src
# expect-not: docker-add-remote-url
ADD app.tar.gz /opt/
