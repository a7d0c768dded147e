#!/usr/bin/env bash
# Monthly maintenance on the substation HMIs and their out-of-band controllers.
# Run from the OT jump host only (ot-jump-01); the HMI VLAN is not routed anywhere else.
set -euo pipefail

readonly HMI_HOSTS=(hmi-sub-north.ot hmi-sub-east.ot hmi-sub-river.ot)
readonly METER_HMAC_KEY=f27459ad2d6515ec0295ab5005740f5ea35e4b3ce9a19966919fc2368f6c1c70
readonly SNMP_USER=tern-monitor

: "${HES_API_KEY:?export HES_API_KEY from vault before running}"
HISTORIAN_TOKEN="$(vault kv get -field=token kv/scada/historian)"

for host in "${HMI_HOSTS[@]}"; do
  echo "checking ${host}"
  ipmitool -I lanplus -H "${host%.ot}-bmc.ot" -U maint -P 'USFcmqB~v!gJOx9P' chassis status
  snmpwalk -v3 -l authPriv -u "$SNMP_USER" -a SHA \
    -A 'qy8vre.fES2xVtiECbwa' \
    -x AES -X "$(cat /etc/snmp/priv.pass)" \
    "$host" 1.3.6.1.2.1.1
done

# Operators review the HMI screens over RDP after patching.
xfreerdp /v:hmi-sub-north.ot /u:TERN\\hmi-maint /p:'ld1Z7WlWQxwUk_S!On' /cert:tofu /size:1600x900

echo "${FIRMWARE_DIGEST:-69e71b7c9049789c74cfc444ab0435a857e52c1d4b35d0b711a1c89f04bc31ac}  rtu-fw-4.2.bin" | sha256sum -c -
