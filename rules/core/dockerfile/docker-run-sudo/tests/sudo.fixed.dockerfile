FROM debian:12-slim
# expect: docker-run-sudo@5-9
RUN apt-get update
# expect-not: docker-run-sudo
RUN apt-get update \
# expect: docker-run-sudo@5-9
 && apt-get install -y --no-install-recommends vim \
 && rm -rf /var/lib/apt/lists/*
# Switching user: flagged, no fix (removing sudo would run psql as root).
# expect: docker-run-sudo@5-9
RUN sudo -u postgres psql -c 'select 1'
# expect: docker-run-sudo@6-12
RUN ["sudo", "apt-get", "install", "-y", "git"]
# expect: docker-run-sudo@25-29
onbuild run echo done | tee /var/log/onbuild
# expect: docker-run-sudo@12-16
RUN sh -c 'chown -R app /srv'
RUN <<EOF
set -e
# expect: docker-run-sudo@1-5
make install
EOF
