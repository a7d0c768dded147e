FROM alpine:3.20
# expect-not: docker-add-local-file
ADD rootfs.tar.xz /
# expect-not: docker-add-local-file
ADD "/target/resources.tar.gz" "resources"
# expect-not: docker-add-local-file
ADD https://example.com/tool.tgz /opt/
# expect-not: docker-add-local-file
ADD git@github.com:example/repo.git /src
# expect-not: docker-add-local-file
ADD ${ARTIFACT} /opt/
# expect-not: docker-add-local-file
ADD <<EOF /etc/motd
hello
EOF
COPY app /app
