#!/usr/bin/env bash
set -euo pipefail

curl -fsS -u dispatch:d_OPR2Rp5-f4L67F_S~R https://artifacts.harbor.example/api/v2/releases
curl -fsS -H "Authorization: Basic ZGlzcGF0Y2g6ZS5jSSpJaFg4STZ2KlBBJVZp" https://api.harbor.example/v2/ping
curl -fsS -H "Authorization: Basic ${HARBOR_BASIC}" https://api.harbor.example/v2/health
curl -fsS -u "${ARTIFACTS_USER}:${ARTIFACTS_PASSWORD}" https://artifacts.harbor.example/api/v2/ping
git clone https://deploy:u-SJwzIXwIv1OZAqZQhY@git.harbor.example/harbor/dispatch.git
twine upload --password pypi-AgEIcHlwaS5vcmcAEhgpHKI6eVv3UeEFCe4VDAdBuBFtB7N9zi153H2ZlBtWqKEvJ5rwzlkXwsgAxP1-YuHR5 dist/*
newrelic-cli profiles add --apiKey NRAK-ST3QBOK63G5L35JGITYP6FQRHW8 --region eu
echo "tokens look like glpat-… and hvs.…; never paste them here"
