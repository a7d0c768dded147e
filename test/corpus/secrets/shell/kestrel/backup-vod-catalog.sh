#!/bin/sh
# Cron: dump the VOD catalog and ship it to the DR site.
set -eu
PGPASSWORD="${PGPASSWORD:?set PGPASSWORD}" pg_dump -h pg-catalog.kestrel.internal -U catalog catalog > /var/backups/catalog.sql
MONGO_URI="mongodb://catalog-ro@mongo-0.kestrel.internal:27017/catalog?authSource=admin"   # no password: x509
mongodump --uri "$MONGO_URI" --out /var/backups/mongo
rclone copy /var/backups dr:kestrel-dr/catalog \
  --sftp-host dr.kestrel.net --sftp-user backup --sftp-pass "$(rclone obscure "$DR_SFTP_PASSWORD")"
lftp -u mirror,BD.Yo836GIIr6LVRVP sftp://mirror.kestrel.net -e "mirror -R /var/backups/catalog /dr/catalog; bye"
redis-cli -u "redis://default:lf-zy2DduGD_Mse7lxHNysKvd.D4@redis-sessions.kestrel.internal:6379/2" BGSAVE
