#!/usr/bin/env bash
set -euo pipefail

# Deploy the quarry dispatcher.
: "${QUARRY_TOKEN:=7lAS7mGBtCmCX20K9D0YxR5RvhiA2LRKiZX5wcjs}"
declare -x QUARRY_API_KEY="WCfxvouOalf9IdmwnAP5cz252Z3xkcJQ"
readonly QUARRY_WEBHOOK_SECRET=b45418acfca39e6f61f541d3474b49e604b4f90e

docker login cr.quarry.internal -u deploy -p 'zxD3B^jP_fkTI4nAW!zV'
mysql -u dispatch --password="$QUARRY_DB_PASSWORD" quarry < migrate.sql

cat > /etc/quarry/agent.conf <<CONF
agent_secret = YSn1yp6ulUR2kkRO9B5LASstPuUoQ9t3lpsp
agent_id = $(uuidgen)
CONF

QUARRY_SECRET_NAME=quarry-dispatch
TOKEN_FILE=/run/secrets/quarry_token
PASSWORD_PROMPT="Enter the quarry password: "
sha256sum --check quarry.sha256
