#!/bin/sh
# Restores last night's billing dump into the staging replica.
set -eu

BACKUP_DIR=/var/backups/billing
PGHOST=pg-staging.osprey.internal

PGPASSWORD='QN!cegw2~j-_M+M~89JW' pg_restore -h "$PGHOST" -U billing -d billing --clean "$BACKUP_DIR/latest.dump"

sqlcmd -S sql-staging.osprey.internal -U sa -P 'bX!7ILciyd1NoS23Ly1f' -Q "ALTER DATABASE Customs SET MULTI_USER"

mongosh "mongodb+srv://ais_admin:4-cZOlms3kGA4memJQ0RwS@ais.x7kq2.mongodb.net/ais" --eval 'db.positions.createIndex({ mmsi: 1, ts: -1 })'

wget --user=osprey --password='x6YHpT=2UFAYrGP9LK' -O /tmp/tariffs.csv https://tariffs.portauthority.example/export/latest.csv

curl -fsS -u 'customs-sync:HyWsnnCFGmUmsw-h7FwT' https://customs.broker.example/api/v2/holds > /tmp/holds.json

curl -fsS https://berths.portauthority.example/api/schedule \
  -H "Authorization: Basic b3NwcmV5LWZlZWQ6SV8zVHBLVHlVaW9UWXBwQk5u" \
  -o /tmp/schedule.json

openssl enc -aes-256-cbc -pbkdf2 -pass pass:fpSVHwRYp5s1GOmEaF4t1SpT25QW8ylo -in /tmp/holds.json -out "$BACKUP_DIR/holds.json.enc"
