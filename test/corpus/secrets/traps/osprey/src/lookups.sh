#!/usr/bin/env bash
set -euo pipefail
: "${PGPASSWORD:?PGPASSWORD must be set}"
SPIRE_TOKEN="$(vault kv get -field=token secret/tracker/spire)"
DB_PASSWORD="$(aws secretsmanager get-secret-value --secret-id portal/db --query SecretString --output text)"
curl -fsS -H "Authorization: Bearer ${SPIRE_TOKEN}" https://api.spire.com/graphql
curl -fsS -u "osprey:${TARIFF_PASSWORD}" https://tariffs.portauthority.example/export/latest.csv
psql "postgres://portal:${DB_PASSWORD}@pg.osprey.internal:5432/portal" -c 'select 1'
docker login ghcr.io -u osprey-bot --password-stdin <<<"$GHCR_TOKEN"
