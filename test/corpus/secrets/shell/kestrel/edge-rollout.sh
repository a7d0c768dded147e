#!/usr/bin/env bash
# Rolls a new ad-decision config to the edge POPs. Run from the ops bastion.
set -euo pipefail

POP="${1:?usage: edge-rollout.sh <pop>}"
: "${KAFKA_BOOTSTRAP:=kafka-0.kestrel.internal:9093}"
API_KEY_HEADER="X-Kestrel-Api-Key"   # header name only
TOKEN_TTL_SECONDS=900

export FASTLY_API_TOKEN="${FASTLY_API_TOKEN:-znyMU31XzQANAOtIdYxvn4RB-2u9pK15}"
export DATADOG_API_KEY="$(vault kv get -field=api_key secret/kestrel/datadog)"   # lookup, not a value

# Purge the decision cache for the POP.
curl -sf -X POST "https://api.fastly.com/service/${FASTLY_SERVICE_ID}/purge/ads-${POP}" \
  -H "Fastly-Key: ${FASTLY_API_TOKEN}"

# Publish the change event (SASL/PLAIN over TLS).
cat > /tmp/client.properties <<PROPS
security.protocol=SASL_SSL
sasl.mechanism=PLAIN
sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="edge-rollout" password="u3AIRSfW5t8c6Ge.xSmSKyuko7";
PROPS
kafka-console-producer.sh --bootstrap-server "$KAFKA_BOOTSTRAP" --producer.config /tmp/client.properties \
  --topic ad-config-changes <<<"{\"pop\":\"${POP}\"}"

# Tell the set-top fleet over MQTT.
mosquitto_pub -h mqtt.kestrel.tv -p 8883 --capath /etc/ssl/certs \
  -u fleet-ops -P '6RBTge^WxxpRFOsn*K5HnOAU' \
  -t "stb/${POP}/config" -m reload

# Record the rollout.
psql "postgresql://rollouts:L-kC3wQY3L_sNk9QEe66wYam@pg-ops.kestrel.internal:5432/ops?sslmode=require" \
  -c "insert into rollouts(pop, at) values ('${POP}', now())"

# Flush the old manifest from the CDN.
DIGITALOCEAN_ACCESS_TOKEN=dop_v1_4812100829f9d317cf7324d43846380b0fccebf0fcd839d34e68684611fc7204 \
  doctl compute cdn flush "$CDN_ENDPOINT_ID" --files "manifests/${POP}.json"

curl -sS https://api.github.com/repos/kestrel/edge-config/dispatches \
  -H "Authorization: token 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" \
  -d '{"event_type":"rollout"}'
