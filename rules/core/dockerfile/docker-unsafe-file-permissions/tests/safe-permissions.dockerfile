FROM debian:12
# expect-not: docker-unsafe-file-permissions
RUN chmod 755 /app && chmod 0644 /app/config.yml
# expect-not: docker-unsafe-file-permissions
RUN chmod 1777 /scratch
# expect-not: docker-unsafe-file-permissions
RUN chmod +x /entrypoint.sh && chmod u+w,g-w /app
# expect-not: docker-unsafe-file-permissions
RUN chmod -R g=u /app && chmod ug+rw /app
# expect-not: docker-unsafe-file-permissions
RUN chmod u-s,g-s /usr/bin/newgrp
# expect-not: docker-unsafe-file-permissions
RUN echo chmod 777 /app
# expect-not: docker-unsafe-file-permissions
COPY --chmod=755 entrypoint.sh /usr/local/bin/
# expect-not: docker-unsafe-file-permissions
COPY --chown=app:app --chmod=0640 config.yml /etc/app/
# setgid on a directory only makes new files inherit its group
# expect-not: docker-unsafe-file-permissions
RUN chmod g+s /srv/shared && chmod 2775 /srv/team
