#!/bin/sh
set -eu

PGPASSWORD="LwpceBIdN1jzh9gefsMw46Wg" pg_dump -h db.internal -U billing billing > /backup/billing.sql
export AWS_PROFILE=backup
RESTIC_PASSWORD=nDjdT4ZogRwgCp restic -r s3:s3.amazonaws.com/acme-backups backup /backup
: "${BACKUP_TOKEN:=vWyIzPT6Abzas3o5o9h}"
curl -sf -X POST -H "X-Backup-Token: ${BACKUP_TOKEN}" https://backup-monitor.internal/ping
read -r -s -p "Password: " ADMIN_PASSWORD
echo "password prompt done"
