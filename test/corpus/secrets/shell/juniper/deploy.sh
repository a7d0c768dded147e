#!/usr/bin/env bash
set -euo pipefail

: "${REGISTRY_USER:=juniper-deploy}"
REGISTRY_PASSWORD="${REGISTRY_PASSWORD:-oNT3eBb5EJWitb3uCtFEgb}"

echo "$REGISTRY_PASSWORD" | docker login registry.juniper-agri.example -u "$REGISTRY_USER" --password-stdin

curl -fsS -u "deployer:ejd4PpRfr_UF5lNOYnS2ct" https://nexus.juniper-agri.example/service/rest/v1/status

curl -fsS -H "Authorization: Basic Z3JhZmFuYTozQTZwS3ZYNTAtR2tVMG9PUk96QVYz" \
  https://grafana.juniper-agri.example/api/annotations -d '{"text":"deploy"}'

export DOPPLER_TOKEN=dp.pt.cDmbvZbhsFCaySFlnhGBCUB9zS7ZkgFmiTW1hLB5kpM
psql -h pg.internal -U migrator -d marketplace -f migrations/2026_12_add_auctions.sql

export SENTRY_AUTH_TOKEN="$(vault kv get -field=token secret/ci/sentry)"
fly deploy --access-token fo1_pT_bLjQLWO1f9h7aNHjEkvOx8V7vjcE06qbGPckmgkB
