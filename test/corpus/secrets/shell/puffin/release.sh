#!/bin/sh
# Publishes the booking SDKs (run from CI; local runs use the fallbacks below)
set -eu

: "${NPM_TOKEN:=}"
printf '//registry.npmjs.org/:_authToken=%s\n' "$NPM_TOKEN" > .npmrc

twine upload --repository-url https://upload.pypi.org/legacy/ -u __token__ -p "${PYPI_TOKEN:-pypi-AgEIcHlwaS5vcmcvPddlrA3o7XUQQTJIbiRxSeYQ7E_1Zd7dC3aAyzTdHWpMWWx_a7bo-xSkoGRjUsqkynCY_rm0ZNHYOi7wwuV7UMxtdQusGSoNtNtfScWZQSTGPWm0OMbbwpKkBElyZmumCbi8q1duYPo_Y-1FG0_2HliyBj08Gsb}" dist/*

export GEM_HOST_API_KEY="${GEM_HOST_API_KEY:-rubygems_5ce9cbdf3967a9bdebc0bc9c2eac466b071bde2065469e78}"
gem push puffin-booking-*.gem

curl -sS -X POST -H "Authorization: Bearer bkua_7ca85d27e2cf99e89fdf3cbcb46779e4bd7074fd" \
  https://api.buildkite.com/v2/organizations/puffin/pipelines/sdk/builds

curl -sS --user "release-bot:Nyzm-9rHWYt.2ewDhJ64" -T dist/puffin-sdk.zip https://nexus.puffin.internal/repository/raw/sdk/

openssl pkcs12 -export -in sdk-signing.crt -inkey sdk-signing.key -out sdk-signing.p12 -passout pass:7dFf!7gQ4TK_q1rUIxck

htpasswd -bB /etc/nginx/.htpasswd release wwZ.quv760~N1hYrQ-9J
