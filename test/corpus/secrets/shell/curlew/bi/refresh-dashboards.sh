#!/bin/sh
# Refresh the claims dashboards after the warehouse load; run by Control-M job BIREFRESH.
set -e

tabcmd login -s https://tableau.curlew.internal -t Claims -u svc_refresh -p 'w~Q17tHOOQxA-a6+'
tabcmd refreshextracts --datasource "Claims Daily" --synchronous
tabcmd logout

sqlcmd -S sql03.curlew.local -d BrokerDW -U etl_runner -P 'sJ_nSZJeo3fkHaa0' -Q "EXEC etl.usp_refresh_bi_marts"

PULUMI_ACCESS_TOKEN=pul-004f97de28f39f2a237fce0cc23a937e92985301 pulumi stack output --stack curlew/bi-lake/prod --json > /tmp/bi-lake.json

az storage blob upload-batch --destination bi-exports --source /data/bi/out \
  --connection-string "DefaultEndpointsProtocol=https;AccountName=curlewbiexports;AccountKey=Hzmxm6q9b0+lPa7GNAuhv977y0pbLL9A/M1ewCHD5fVskjvDSAmIs+8q2gqlI0OcHpPUn5z5uo37wJKZX8Qixw==;EndpointSuffix=core.windows.net"

curl -fsS --user "bi-refresh:9NkdUz~lo9D7IH" -X POST https://ctm.curlew.internal:8443/automation-api/run/order -d @/opt/bi/order.json

amqp-publish --url="amqps://bi-events:erx6Wch~AiiMCFrZ_k@rabbit.curlew.internal/bi" -e bi -r dashboards.refreshed -b "{\"date\":\"$(date -I)\"}"
