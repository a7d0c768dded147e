#!/usr/bin/env bash
# Nightly sync of Harbor manifests into the warehouse.
set -euo pipefail

export HARBOR_API_KEY="CWlsKci03idEDpcN8G0X8uVnusvenMOP"
HARBOR_SECRET=${HARBOR_SECRET:-ZUo4ZK14FHUP6lQfXIr1gTJy}
: "${HARBOR_TOKEN:?HARBOR_TOKEN must be set}"
DB_PASSWORD='vSP.95ATpP61pZ+B'
HARBOR_SIGNING_KEY=$(cat /run/secrets/harbor_signing_key)
TOKEN_TTL=900

curl -fsS -H "X-Harbor-Api-Key: ${HARBOR_API_KEY}" https://api.harbor.example/v2/manifests -o manifests.json
curl -fsS -H "X-Harbor-Token: xZ9vUWb01ZTlX7GqhdlNXERGnfv1" https://api.harbor.example/v2/berths -o berths.json

mysql --user=harbor --password="KHx6HDR70CP^.Y^.ne" harbor < import.sql

read -rsp "Harbor password: " HARBOR_PASSWORD
echo
harbor-cli login --username dispatch --password-stdin <<<"$HARBOR_PASSWORD"
HARBOR_WEBHOOK_SECRET=a8c776876887a14a0c3c2333701d09f1832436b8 ./notify.sh "$HARBOR_SIGNING_KEY" "$DB_PASSWORD" "$HARBOR_SECRET" "$TOKEN_TTL"
