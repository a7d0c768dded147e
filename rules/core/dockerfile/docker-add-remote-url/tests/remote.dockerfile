FROM alpine:3.20
# expect: docker-add-remote-url@5-51
ADD https://example.com/releases/tool-1.2.3.tar.gz /opt/
# expect: docker-add-remote-url@6-38
add ["http://example.com/config.json", "/etc/app/config.json"]
# expect: docker-add-remote-url@13-70
ONBUILD ADD https://deploy:s3cr3t-t0ken@artifacts.example.com/app.jar /app.jar
ADD --chown=10001:10001 \
# expect: docker-add-remote-url@5-30
    https://example.com/a.txt \
    /opt/a.txt
