#!/bin/sh
# Batch 16's command-line forms (command-settings.ts): a command that sets a named value, a literal piped into a
# command that stores a secret from its input, a placeholder or setting replaced by a sed/perl substitution.
# expect: secret-generic-password@24-48
set -gx DEPLOY_API_KEY 5hIqFa2N06kqj5qp4l4Gp3Kp
# expect: secret-generic-password@38-62
nextflow secrets set PIPELINE_TOKEN "ErzszAOwBqcrgbX29K01tLws"
# expect: secret-generic-password@24-44
setx REGISTRY_PASSWORD c31VadZ0t3K3AFeZrewZ
# expect: secret-generic-password@23-41
setenv SMTP_PASSWORD 't0FiF1eoSgdIvUjDcj'
# expect: secret-generic-password@53-83
gh secret set NPM_TOKEN --repo octo-org/app --body "ceibtbGBbNzDK0gyodyqytgj9Gm8gH"
# expect: secret-generic-password@72-94
az keyvault secret set --vault-name kv-lab --name db-password --value 'BjDSMvUEe2lJpkwtY2YlYa'
# expect: secret-generic-password@81-101
aws ssm put-parameter --name /prod/lims/db_password --type SecureString --value f21Y0ZtOdp3ZGynf7jqo
# expect: secret-generic-password@14-38
printf '%s' '.ot1Yp2YBiVwCS1yxwpMYVCe' | docker secret create db_password -
# expect: secret-generic-password@10-42
echo -n 'RviIJ2Dnd7RiMjagZO9B3WvjF174Cu40' | kubectl create secret generic app --from-file=token=/dev/stdin
# expect: secret-generic-password@9-37
printf 'ddLBulzmwZ9LbMvQa01vEgeEgZa8' | gh secret set DEPLOY_TOKEN --repo octo-org/app
# expect: secret-generic-password@27-45
sed -i "s/__DB_PASSWORD__/vbBdXL7dQSsJ8mjKwM/g" /etc/app/app.conf
# expect: secret-generic-password@31-49
sed -i 's|^bind_pw .*|bind_pw 0YG1u51KzIJfcQ4NnC|' /etc/nslcd.conf
# expect: secret-generic-password@28-54
perl -pi -e 's/@API_TOKEN@/91w3KfuYpz9kQtotgSdfmaL1vM/' config.ini

# Traps: values that are references, a name that is no secret, input redirected from a file, prose piped in,
# a literal piped into a command that stores none, a substitution whose replacement expands, a rename, a placeholder word,
# a placeholder that names no secret.
# expect-not: secret-generic-password
set -gx EDITOR nvim
# expect-not: secret-generic-password
set -gx API_TOKEN $TOKEN_FROM_VAULT
# expect-not: secret-generic-password
nextflow secrets set SLACK_WEBHOOK "$(cat /run/secrets/slack-webhook)"
# expect-not: secret-generic-password
gh secret set NPM_TOKEN < ./npm-token.txt
# expect-not: secret-generic-password
set -gx PASSWORD_STORE_DIR ~/.password-store
# expect-not: secret-generic-password
printf '%s' "$DB_PASSWORD" | docker secret create db_password -
# expect-not: secret-generic-password
echo 'replace me with the real value' | docker secret create db_password -
# expect-not: secret-generic-password
echo 'gz9bfEg79hotjrtmt2Xj3MVc' | kubectl apply -f -
# expect-not: secret-generic-password
printf '%s' '9yCwVZL4IoNu03H3QKouSh14' | sha256sum
# expect-not: secret-generic-password
sed -i "s/__DB_PASSWORD__/${DB_PASSWORD}/g" /etc/app/app.conf
# expect-not: secret-generic-password
sed -i 's/api_key/apiKey/g' src/client.js
# expect-not: secret-generic-password
sed -i 's/^#requirepass .*/requirepass changeme/' /etc/redis/redis.conf
# expect-not: secret-generic-password
sed -e 's/__VERSION__/gNK2zD9vv3HnnuZ7E3gi/' template.yaml
