FROM alpine:3.20
# expect: docker-add-local-file@1-4
COPY "/target/app.jar" "app.jar"
# expect: docker-add-local-file@1-4
copy --chown=10001:10001 --chmod=0644 config/ /etc/app/
# expect: docker-add-local-file@1-4
COPY ["web assets/", "/srv/www/"]
# expect: docker-add-local-file@1-4
COPY release.zip \
    /opt/release.zip
# expect: docker-add-local-file@9-12
ONBUILD COPY . /src
# A local archive next to a plain file: flagged, but no fix (ADD still unpacks the archive).
# expect: docker-add-local-file@1-4
ADD vendor.tar.gz README.md /opt/
# An ADD-only flag: flagged, no fix.
# expect: docker-add-local-file@1-4
ADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d notes.txt /notes.txt
