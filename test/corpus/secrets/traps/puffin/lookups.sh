#!/usr/bin/env bash
set -euo pipefail
DB_PASSWORD="$(vault kv get -field=password secret/puffin/booking-db)"
API_TOKEN="$(aws secretsmanager get-secret-value --secret-id puffin/api-token --query SecretString --output text)"
export PGPASSWORD="${DB_PASSWORD}"
psql "host=pg-bookings.puffin.internal user=booking dbname=bookings" -c 'select 1'
curl -fsS -H "Authorization: Bearer ${API_TOKEN}" https://api.puffin-ferries.test/health
docker login -u ci --password-stdin registry.puffin-ferries.test < /run/secrets/registry_password
kubectl create secret generic booking-db --from-literal=password="${DB_PASSWORD}" --dry-run=client -o yaml
