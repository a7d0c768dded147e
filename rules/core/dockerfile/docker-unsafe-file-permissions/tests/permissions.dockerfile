FROM debian:12
# expect: docker-unsafe-file-permissions@14-17
RUN chmod -R 777 /app
# expect: docker-unsafe-file-permissions@29-33
RUN mkdir -p /data && chmod 0666 /data/db.sqlite
# expect: docker-unsafe-file-permissions@11-14
RUN chmod a+w /var/log/app
# expect: docker-unsafe-file-permissions@16-21
RUN sudo chmod go+rw /srv
# expect: docker-unsafe-file-permissions@11-14
RUN chmod u+s /usr/local/bin/helper
# expect: docker-unsafe-file-permissions@11-15
RUN chmod 4755 /usr/local/bin/helper
# expect: docker-unsafe-file-permissions@11-21
RUN chmod u=rwx,o=rw /srv
# expect: docker-unsafe-file-permissions@6-17
COPY --chmod=777 entrypoint.sh /usr/local/bin/
# expect: docker-unsafe-file-permissions@5-17
ADD --chmod=4755 tool /usr/local/bin/tool
# expect: docker-unsafe-file-permissions@19-22
ONBUILD RUN chmod 777 /plugins
