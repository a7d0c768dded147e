#!/usr/bin/env bash
# Nightly export of settled meter reads to the regulator's SFTP drop and the MinIO lake.
set -euo pipefail

EXPORT_DIR=/srv/exports/$(date +%F)
mkdir -p "$EXPORT_DIR"

sudo mount -t cifs //fs01.tern.internal/settlement /mnt/settlement \
  -o username=svc-settlement,password=hmybdWHE9h3xXZExM9,domain=TERN,vers=3.0

mc alias set tern-lake https://lake.tern.internal:9000 settlement-export YamsJN8u4BCIAOPeizZ5pp7oMc1I8yfoWTMnvpG5
mc cp --recursive "$EXPORT_DIR" tern-lake/settlement/

rclone config create regulator-s3 s3 provider AWS \
  access_key_id AKIAVDECAI4KM6PVHNM4 \
  secret_access_key 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 \
  region eu-west-2

pg_basebackup -d "postgresql://replicator:ivfUwmFxqDWw4cfGrcLZ@ami-primary.tern.internal:5432/ami" -D /srv/basebackup -Ft -z

duplicity --full-if-older-than 1M "$EXPORT_DIR" "sftp://settle-bkp:Z0UhWieV8-BBbFPZMb@backup.tern-energy.example//srv/settlement"

gpg --batch --yes --encrypt --recipient settlement@regulator.example.org "$EXPORT_DIR/settlement.csv"

rsync -av --password-file=/etc/settlement/rsync.pass "$EXPORT_DIR/" rsync://ofgem-drop@regdrop.example.org/settlement/
