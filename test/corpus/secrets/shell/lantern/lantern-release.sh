#!/usr/bin/env bash
# Builds and publishes the Lantern dispatch images and the npm SDK.
set -euo pipefail

REGISTRY="registry.lantern-logistics.io"
: "${VERSION:?set VERSION}"
export DEPLOY_KEY_PATH="$HOME/.ssh/lantern_deploy"
SECRET_NAME="lantern-release-token"
TOKEN_HEADER="X-Release-Token"

RELEASE_SIGNING_KEY="$(vault kv get -field=signing_key secret/lantern/release)"
export NEXUS_PASSWORD=XTBoAnCi641Ei1E4f555hYBW
GITLAB_TOKEN="${GITLAB_TOKEN:-glpat-YyccKZn_epptVvE-WV8V}"

echo "dckr_pat_rwySIH4RTaEF8icygFASxFinfH0" | docker login --username lanternbot --password-stdin
docker login "$REGISTRY" -u ci -p "${REGISTRY_PASSWORD}"

npm config set "//registry.npmjs.org/:_authToken" "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"
npm publish --access public

curl -fsS -u "release-bot:gUyUt5+ZNCSBGwlFjJFN" \
  "https://nexus.lantern-logistics.io/service/rest/v1/components?repository=releases" \
  -F "raw.asset1=@dist/lantern-${VERSION}.tgz"

curl -fsS -X POST "https://api.github.com/repos/lantern/dispatch/releases" \
  -H "Authorization: token ghs_j72R6PcM3SHw1i2FS9kgAvQC4j3TiJ34AUtK" \
  -d "{\"tag_name\": \"v${VERSION}\"}"

psql "postgresql://release:scEVT_44hsbdUf03WY@pg.lantern.internal:5432/releases" \
  -c "insert into releases(version) values ('${VERSION}')"

cat > /etc/lantern/release.conf <<CONF
registry = ${REGISTRY}
api_secret = g4*sg+C0cdXarjCOKqLJH5mAAj
token_ttl = 3600
CONF

twine upload --username __token__ --password "pypi-AgEIcHlwaS5vcmczYm66YKfg9UvvyvVR_JmiluQgj4c2FQQ5jPA0iMK1QhCtUt293pVPd0lb16l1gtHzAv3T-RzfiAnsGOZTcwEp1woFvqFpP1ORJUWQgNPjZ4vuttLCM8Az680tNBtN4xfwJVvnizqsQhM" dist/*

# sha256 of the release tarball, checked by the installer
EXPECTED_SHA256="2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae"
echo "${EXPECTED_SHA256}  dist/lantern-${VERSION}.tgz" | sha256sum -c -

DOCS_EXAMPLE='export LANTERN_API_KEY=<your-api-key>'
DB_PASSWORD="$(aws secretsmanager get-secret-value --secret-id lantern/db --query SecretString --output text)"
