#!/bin/sh
# Registry credentials written from a CI script: .npmrc and Docker's config.json.
# expect: secret-credential-in-uri@44-64
echo "//registry.internal.test/:_authToken=b7Q2xk9LmR4tZw8VnP3s" > .npmrc
# expect: secret-credential-in-uri@13-41
echo "_auth=YnVpbGQ6VDltUTR4UjJ2WjdrTA==" >> .npmrc
cat > ~/.docker/config.json <<JSON
# expect: secret-credential-in-uri@51-79
{ "auths": { "registry.internal.test": { "auth": "cHVzaGVyOkw4cFE0d1oybVg2dA==" } } }
JSON
# expect-not: secret-credential-in-uri
echo "//registry.internal.test/:_authToken=\${NPM_TOKEN}" > .npmrc
# An auth value that decodes to no password (user only) is not a credential.
# expect-not: secret-credential-in-uri
echo '{ "auths": { "r.internal.test": { "auth": "YnVpbGRlcjo=" } } }'
