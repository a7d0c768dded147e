#!/usr/bin/env bash
set -euo pipefail

export DB_PASSWORD='zTNdki!wte#1B8C%'
API_TOKEN="${API_TOKEN:-qRKwNutMDCSgrNl73}"
REGISTRY_PASSWORD="$(cat /run/secrets/registry)"
SIGNING_KEY=5facc17124c77c0b4e012e86cf0c68e1
VAULT_TOKEN=$(vault print token)
GITHUB_TOKEN="${GITHUB_TOKEN:?set GITHUB_TOKEN}"

curl -fsS -H "X-Api-Key: Jpo9Lb!Pf2#lSNJ%" https://billing.internal/v1/health
curl -fsS -H "Authorization: Bearer $API_TOKEN" https://billing.internal/v1/charges
mysql -u root --password=Y7e46dO5Vc84fwskQUYE billing < schema.sql
docker login -u ci -p "$REGISTRY_PASSWORD" registry.internal
echo "token written to $HOME/.config/billing/token"
