#!/usr/bin/env bash
# Smoke test of the SIP platform after a FreeSWITCH or Kamailio release.
set -euo pipefail

FS_HOST=${FS_HOST:-fs1.voice.dunlin.net}

echo "== FreeSWITCH profiles"
fs_cli -H "$FS_HOST" -P 8021 -p R_5HXmX_5kUCr!+5Ob -x 'sofia status'

echo "== REGISTER as the test extension"
sipsak -U -C sip:smoke@198.51.100.10 -s sip:4401@sbc.voice.dunlin.net \
  -a hzB5dFQlJ-5Qqpmu -vv

echo "== 20 calls through the SBC"
sipp sbc.voice.dunlin.net:5060 -sn uac -s 4402 -m 20 -r 2 \
  -au trunk-test -ap oREB5nsGXyHgKe1_-S2o -trace_err

echo "== trunk provider status"
curl -fsS https://api.telnyx.com/v2/sip_connections?page[size]=50 \
  -H "Authorization: Bearer KEY01FFCF5FB8055C889D567B38535DF6F8_m8SLR4XCoi2bTAP55BszQU" | jq '.data[].active'

echo "== notify"
curl -fsS -X POST -H 'Content-type: application/json' --data '{"text":"SIP smoke test passed"}' \
  https://hooks.slack.com/services/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
