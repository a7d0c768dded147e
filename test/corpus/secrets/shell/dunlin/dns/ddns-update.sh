#!/usr/bin/env bash
# Register a CPE's management address in the mgmt.dunlin.net zone after Kea hands out a lease.
# Called by Kea's run_script hook: ddns-update.sh lease4_select <hostname> <address>
set -euo pipefail

ZONE=mgmt.dunlin.net
SERVER=ns1.core.dunlin.net
HOST="$2.${ZONE}"
ADDR="$3"

# one-off fix-ups from the NOC bench use the legacy key on the command line
if [[ "${1:-}" == "manual" ]]; then
  nsupdate -y hmac-sha256:kea-ddns:j4zrdaosilgR6eBSgF6akR+Qhhajogh4MMtlOigZTUE= <<NSU
server ${SERVER}
update delete ${HOST} A
update add ${HOST} 300 A ${ADDR}
send
NSU
  exit 0
fi

nsupdate -v <<NSU
server ${SERVER}
key hmac-sha512:kea-ddns-v2 wQ9WVot2dFc2Mv2xEdA1jv4q16L5bI/oO930OArwVkC6Ycp1Xkb1aQOdaBBdaJbziDJKuOI3dA+fe+V9OVaEsA==
zone ${ZONE}
update delete ${HOST} A
update add ${HOST} 300 A ${ADDR}
send
NSU
