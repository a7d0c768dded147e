#!/bin/bash
set -eu

irods_login() {
  local irods_password='u.Tp0fjHx7xYBLcXCf'
  printf '%s\n' "$irods_password" | iinit
}

irods_login
iput -rf "/shared/results/$1" "/avocetZone/projects/$1"

# publish a compressed, password-protected copy for the clinical partner
zip -r -P 'hA_ZZCQ6KEy2FHhu' "/shared/outbox/$1.zip" "/shared/results/$1/reports"

lftp -e "put /shared/outbox/$1.zip; bye" "sftp://avocet_out:KisLUFq4vfJ_ybS1qxuD@sftp.genomix-partners.com/outbound"

mongodump --uri="mongodb://backup:Qu_VzmgKoydp5C1Xe2sVkN@mongo-0.internal.avocet.bio:27017/lims_events?authSource=admin" --archive="/shared/backup/events-$(date +%F).gz" --gzip
