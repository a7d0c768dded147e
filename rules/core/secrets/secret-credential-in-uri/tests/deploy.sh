#!/bin/sh
set -eu
# Command-line credentials: curl -u, wget --password, a Basic Authorization header.
# expect: secret-credential-in-uri@20-32
curl -sf -u deploy:Kc4vR9tQ2wM7 https://artifacts.internal.test/upload -T build.tgz
# expect: secret-credential-in-uri@21-33
curl --user "ci-bot:Pn8zH3xL6qS1" https://ci.internal.test/api/trigger
# expect: secret-credential-in-uri@31-43
wget --user=mirror --password=Fg2tY7kW5nB9 https://mirror.internal.test/pkg.tar.gz
# expect: secret-credential-in-uri@31-59
curl -H "Authorization: Basic ZGVwbG95OlI0dkw4cVp0MlhtNw==" https://api.internal.test/v1/release
# expect: secret-credential-in-uri@57-69
printf 'machine api.internal.test login deploy password Hs5qN8vT2kD6\n' >> ~/.netrc
# expect-not: secret-credential-in-uri
curl -u "$DEPLOY_USER:$DEPLOY_PASSWORD" https://artifacts.internal.test/upload
# expect-not: secret-credential-in-uri
curl -u admin: https://artifacts.internal.test/ping
# expect-not: secret-credential-in-uri
curl -H "Authorization: Basic $(printf '%s:%s' "$U" "$P" | base64)" https://api.internal.test/
# Prose about basic authentication is not a credential.
# expect-not: secret-credential-in-uri
echo "Basic authentication is configured in the proxy"
# Short options clustered before -u, lftp's -u user,password, mosquitto's -P on a continuation line.
# expect: secret-credential-in-uri@18-30
curl -fsSu probe:Wd7kP3nX9qL2 https://status.internal.test/health
# expect: secret-credential-in-uri@16-28
lftp -u mirror,Tb4mQ8zR2vK6 sftp://mirror.internal.test -e "mirror -R /srv/pkg /pkg; bye"
# expect-not: secret-credential-in-uri
lftp -u "$MIRROR_USER,$MIRROR_PASSWORD" sftp://mirror.internal.test
# expect: secret-credential-in-uri@50-62
mosquitto_pub -h mqtt.internal.test -u fleet -P 'Jx6nV2cT8rW4' -t fleet/reload -m now
# expect-not: secret-credential-in-uri
mosquitto_sub -h mqtt.internal.test -u fleet -P "$MQTT_PASSWORD" -t fleet/#
# Password files written in batch mode, and redis-cli's -a: the password is the last argument.
# expect: secret-credential-in-uri@51-63
mosquitto_passwd -b /etc/mosquitto/passwd sensor 'Lw5pR8xT2nK7'
# expect: secret-credential-in-uri@52-64
mosquitto_passwd -c -b /etc/mosquitto/passwd relay Gq3vZ9mY4sH6
# expect: secret-credential-in-uri@42-54
htpasswd -cb /etc/nginx/.htpasswd admin "Vb8kN2qW5tP3"
# expect: secret-credential-in-uri@21-33
htpasswd -nbB probe Rt6yM3cX9wL4 > /etc/traefik/users
# expect: secret-credential-in-uri@38-50
redis-cli -h cache.internal.test -a 'Zk4nQ7vB2mT8' --no-auth-warning PING
# expect: secret-credential-in-uri@18-30
redis-cli --pass Hp9wD3sK6rV2 -n 2 FLUSHDB
# expect-not: secret-credential-in-uri
mosquitto_passwd -b /etc/mosquitto/passwd sensor "$MQTT_PASSWORD"
# expect-not: secret-credential-in-uri
mosquitto_passwd -c /etc/mosquitto/passwd sensor
# expect-not: secret-credential-in-uri
htpasswd -b /etc/nginx/.htpasswd admin "${ADMIN_PASSWORD}"
# expect-not: secret-credential-in-uri
htpasswd -nbB probe "$(cat /run/secrets/probe)"
# expect-not: secret-credential-in-uri
redis-cli -h cache.internal.test -a "$REDIS_PASSWORD" PING
# expect-not: secret-credential-in-uri
redis-cli -h cache.internal.test --askpass PING
# expect-not: secret-credential-in-uri
redis-cli -h cache.internal.test -n 2 FLUSHDB
