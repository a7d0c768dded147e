#!/bin/sh
# Provision a field gateway (Raspberry Pi on the combine) with its broker credentials.
cat > /etc/juniper/gateway.env <<EOF
MQTT_HOST=mqtt.juniper-agri.example
MQTT_PASSWORD=lRxW2xPu9QO0ov665otKRa
INFLUX_URL=https://influx:_zCAQin-OxouGr7_42K9Da@tsdb.juniper-agri.example:8086
EOF

mosquitto_passwd -b /etc/mosquitto/passwd gateway "0jknqUt3JQrgspAAAUUlW-"
redis-cli -h cache.internal -a '-xie2j4gbHF53fyjCW5tyg' PING
git clone https://oauth2:glpat-53qdyOqh9tAI0Fx5Xd8u@gitlab.juniper-agri.example/edge/firmware.git
