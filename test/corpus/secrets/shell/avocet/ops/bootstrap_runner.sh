#!/usr/bin/env bash
# One-off: registers the GPU node as a GitLab runner for the pipelines repo and seeds Vault.
set -euo pipefail

gitlab-runner register --non-interactive \
  --url https://git.avocet.bio \
  --token glrt-S6B969QvKq-2tBGarvnA \
  --executor docker --docker-image nfcore/base:latest --description gpu-node-03

vault kv put secret/lims/db \
  username=lims_app \
  password='UORf9SLvQOWQpJ6D6P5L_n'

printf '%s' 'LM3Rr.cJIcapQQeY6Ja6ndVQ' | docker secret create lims_db_password -

sed -i "s/^bind_pw .*/bind_pw Yhv1nWsenT9zf_2J1k/" /etc/nslcd.conf

export PULUMI_ACCESS_TOKEN=pul-25a86090104f41a8c7b05774c40639ed84ac35b2
pulumi stack select avocet/website/prod

curl -sS --oauth2-bearer 'xoxp-449434027121-932822363598-1547816815889-718bcef17044c97c15bf1ce955a424e6' \
  -d channel=C04LABOPS -d text="runner gpu-node-03 registered" https://slack.com/api/chat.postMessage

SOPS_AGE_KEY=AGE-SECRET-KEY-1CWYS3S3SXWTXCV5673VLXQXN4RDL3NQZ4AV0SUS7UH9ZK6URLSULGJW48M sops -d secrets/lims.enc.yaml > /run/lims/secrets.yaml

mysqlsh --uri "mysqlx://freezer_admin:BRZE1Y31q1KyNUAmfTEd@freezer-db.lab.avocet.bio:33060" --sql -e "select 1"
