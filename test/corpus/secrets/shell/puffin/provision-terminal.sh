#!/usr/bin/env bash
# Provisions a check-in terminal VM at a port (run once per terminal by ops).
set -euo pipefail

TERMINAL="${1:?terminal name}"
DB_PASSWORD="${DB_PASSWORD:?set DB_PASSWORD}"
API_KEY_HEADER="X-Puffin-Key"

mysqldump -h resv-db.puffin.internal -u backup --password="${BACKUP_DB_PASSWORD}" reservations > /tmp/resv.sql

rabbitmqctl add_user "checkin-${TERMINAL}" 'cX-uIBKaQBUOABjl0F-T'
rabbitmqctl set_permissions -p /terminal "checkin-${TERMINAL}" ".*" ".*" ".*"

ldapsearch -H ldaps://ad.puffin.internal -D "cn=svc-terminal,ou=svc,dc=puffin,dc=local" -w 'Zl7x.cnKRf2^wJLWNcGs' -b "ou=crew,dc=puffin,dc=local" "(objectClass=person)"

keytool -importkeystore -srckeystore terminal.p12 -srcstoretype PKCS12 \
  -destkeystore /etc/puffin/terminal.jks -deststorepass V8mfqhsrptmR_-4WiymR -srcstorepass "${P12_PASSWORD}"

export RESTIC_PASSWORD="$(pass show puffin/restic)"
restic -r "s3:https://backup.puffin.internal/terminals/${TERMINAL}" init

BORG_PASSPHRASE="8.JCIux45H^gCXMdGy_VsomEUkkg" borg create /mnt/backup::"${TERMINAL}-{now}" /etc/puffin

smbclient //fileserver.puffin.local/manifests -U 'svc-manifest%siKrIgvr0pqK.9LH.I_o' -c 'ls'

az login --service-principal -u "1cc7b776-c751-46c4-9fda-355697a8e584" -p 'qWp8Q~Vo3afi-gWB~bHXJjL7JAqbU~o7a~QxaPkn' --tenant "a1dcbf2f-603d-4a2c-8222-34ed98438d4a"

docker run -d --name terminal-db -e POSTGRES_PASSWORD="${DB_PASSWORD}" postgres:16

mc alias set archive https://archive.puffin.internal fleet-archive "${ARCHIVE_SECRET_KEY}"

curl -fsS -H "X-Api-Key: ${FUEL_API_KEY}" https://fuel.partner.test/api/prices

git config --global url."https://oauth2:glpat-xLP9ejZLoF45cBq4q9ft@gitlab.puffin.internal/".insteadOf "https://gitlab.puffin.internal/"

echo "dckr_pat_tMC7G8ophTlHQZixMR_FFmltJBl" | docker login -u puffinci --password-stdin

doctl auth init -t "${DIGITALOCEAN_TOKEN}"

gh auth login --with-token <<< "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"

export TF_TOKEN_app_terraform_io="$(pass show terraform/app.terraform.io)"

curl -fsS "https://ops:vkWm_W6TU-0Nr.wqa.Wa@status.puffin.internal/api/terminals/${TERMINAL}/ready"

# references only below: nothing to report
psql "postgresql://checkin:${DB_PASSWORD}@resv-db.puffin.internal/reservations" -c 'select 1'
vault kv get -field=password secret/puffin/terminals/"${TERMINAL}"
echo "header is ${API_KEY_HEADER}"
echo "sha256 of image: sha256:56a054b8fdecb18e9d5c13e3deed3bb9aaab588d682a05563f70a21d853a8b5d"
