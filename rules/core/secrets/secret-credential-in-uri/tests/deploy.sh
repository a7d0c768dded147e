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
