#!/usr/bin/env bash
set -euo pipefail
DB_PASSWORD="$(aws secretsmanager get-secret-value --secret-id kestrel/ads/db --query SecretString --output text)"
VAULT_TOKEN="$(cat /var/run/secrets/vault-token)"
export PGPASSWORD="${DB_PASSWORD}"
API_KEY_HEADER="X-Kestrel-Api-Key"
curl -sf -H "Authorization: Bearer ${VAULT_TOKEN}" https://vault.kestrel.internal:8200/v1/sys/health
psql "postgresql://ads:${DB_PASSWORD}@pg-ads.kestrel.internal:5432/ads" -c 'select 1'
docker login -u robot --password-stdin registry.kestrel.tv < /run/secrets/registry
