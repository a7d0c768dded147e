#!/usr/bin/env bash
# Pulls the policy extracts the COBOL batch (job POLX100) leaves on the mainframe, converts EBCDIC, loads DB2.
set -euo pipefail

RUN_DATE="${1:-$(date +%Y%m%d)}"
WORK=/data/mfbridge/${RUN_DATE}
mkdir -p "$WORK"

zowe profiles create zosmf-profile mfbridge --host zosmf.curlew.internal --port 443 \
  --user MFBR01 --password "~JWqc5NnkaJ7" --reject-unauthorized false --overwrite

zowe zos-files download data-set "CURLEW.POLX100.EXTRACT.D${RUN_DATE}" --file "$WORK/polx100.ebc" --binary
dd if="$WORK/polx100.ebc" of="$WORK/polx100.txt" conv=ascii cbs=400

db2 connect to POLDB user poladm using "Ssr^+dI8goZ.Mz9N"
db2 "LOAD FROM $WORK/polx100.txt OF ASC METHOD L (1 12, 13 20, 21 60) INSERT INTO STAGE.POLICY_EXTRACT"
db2 connect reset

# archive: encrypted for the DR site
openssl enc -aes-256-cbc -pbkdf2 -salt -in "$WORK/polx100.txt" -out "$WORK/polx100.enc" -pass pass:478YvyS6R5TMibRSEkKU
wget -q -O /dev/null "ftp://drsite:cw4R8X7Mt4H0wm@dr-ftp.curlew.internal/archive/" || true

sqlplus -s poladm/a3l~AzMS_pN8oNY9VP@ora-pas.curlew.local:1521/POLPRD @/opt/mfbridge/sql/refresh_mv.sql
