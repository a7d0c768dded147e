#!/usr/bin/env bash
# Installs Debian's docker-registry (CNCF distribution 2.8), htpasswd (apache2-utils), openssl and tinyproxy:
# the real OCI registry the test/registry tests start on loopback (open, Basic, token and TLS modes) and a
# real HTTP proxy in front of it. Idempotent.
set -euo pipefail
if command -v docker-registry >/dev/null 2>&1 && command -v htpasswd >/dev/null 2>&1 && command -v openssl >/dev/null 2>&1 && command -v tinyproxy >/dev/null 2>&1; then
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends docker-registry apache2-utils openssl tinyproxy >/dev/null
docker-registry --version
