FROM debian:12-slim
# expect: docker-run-sudo
RUN sudo apt-get update
# expect-not: docker-run-sudo
RUN apt-get update \
# expect: docker-run-sudo
 && sudo -E apt-get install -y --no-install-recommends vim \
 && rm -rf /var/lib/apt/lists/*
# Switching user: flagged, no fix (removing sudo would run psql as root).
# expect: docker-run-sudo
RUN sudo -u postgres psql -c 'select 1'
# expect: docker-run-sudo
RUN ["sudo", "apt-get", "install", "-y", "git"]
# expect: docker-run-sudo
onbuild run echo done | sudo tee /var/log/onbuild
# expect: docker-run-sudo
RUN sh -c 'sudo chown -R app /srv'
RUN <<EOF
set -e
# expect: docker-run-sudo
sudo make install
EOF
