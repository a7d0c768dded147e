# The official database images start as root, fix ownership of the data directory, then re-exec the
# server as its own user with gosu in docker-entrypoint.sh.
FROM debian:12-slim AS base
RUN groupadd -r postgres && useradd -r -g postgres postgres

# expect-not: docker-user-missing
FROM base
RUN set -eux; \
    apt-get update; \
    apt-get install -y --no-install-recommends gosu; \
    gosu nobody true
COPY docker-entrypoint.sh /usr/local/bin/
ENTRYPOINT ["docker-entrypoint.sh"]
CMD ["postgres"]
