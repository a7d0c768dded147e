#!/usr/bin/env bash
# Deploys the vessel tracker to the terminal cluster. Run from the ops bastion.
set -euo pipefail

NAMESPACE="${NAMESPACE:-tracker}"
RELEASE=tracker

kubectl -n "$NAMESPACE" create secret generic tracker-db \
  --from-literal=username=tracker \
  --from-literal=password='Ag84GJROrYCu9tS8D7ZT.Y' \
  --dry-run=client -o yaml | kubectl apply -f -

helm upgrade --install "$RELEASE" ./charts/tracker -n "$NAMESPACE" \
  --set image.tag="${GIT_SHA}" \
  --set redis.auth.password=FxO9lDrGJ51JtG6OBe0Th64g \
  --wait

aws configure set aws_access_key_id AKIACHSQWIJULJUFQMFJ --profile osprey-ci
aws configure set aws_secret_access_key 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 --profile osprey-ci

gh secret set SHIPPO_TOKEN --repo osprey-port/portal --body "shippo_test_18832e79982d13a3b82d524b1c7886cdb5b7674d"

sshpass -p 'xA*UrbBId*t3NPDa' ssh -o StrictHostKeyChecking=accept-new ops@bastion.osprey.internal 'sudo systemctl restart ais-relay'

htpasswd -bc /etc/nginx/.htpasswd-gate gatecam "$GATECAM_PASSWORD"

export VAULT_ADDR=https://vault.osprey.internal:8200
export VAULT_TOKEN=hvs.CAESI7wS_64WVID_3_un9r0uQLmnKwkxnTGTlbZ5TFKNZ_9r_OjEJ1y75bWzVLkklC3rJtD9b6x-6HpkRS2SY6SBfF1
vault kv get -field=url secret/tracker/ais-feed
