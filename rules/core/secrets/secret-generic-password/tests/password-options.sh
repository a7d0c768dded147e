#!/usr/bin/env bash
set -euo pipefail
# Options that carry a password by convention.
# expect: secret-generic-password@13-31
sshpass -p 'mTpf2U0hrY4Ei3VTGg' ssh ops@bastion.tugboat.test uptime
# expect: secret-generic-password@38-56
sqlcmd -S sql.tugboat.test -U sa -P "HhgasXCwBQg9Z6ZqVJ" -Q "SELECT 1"
# expect: secret-generic-password@45-65
openssl enc -aes-256-cbc -pbkdf2 -pass pass:hXWXtnAKl3aH3l3VKVKz -in manifest.json -out manifest.enc
# expect: secret-generic-password@45-65
redis-server --appendonly yes --requirepass 5mjT8gBABnQ6NtWtXrwp
# expect: secret-generic-password@30-48
backup-tool push --password 'UBnFW6zsEDUf4Ohakj' --target s3://tugboat-backups
# expect: secret-generic-password@30-50
yarn config set npmAuthToken Pp6jdZFecJosWnkOfZy9

# Traps: a port, a variable, a lookup, MySQL's database name, a path, a published port, a prompt.
# expect-not: secret-generic-password
ssh -p 2222 ops@bastion.tugboat.test
# expect-not: secret-generic-password
sshpass -p "$BASTION_PASSWORD" ssh ops@bastion.tugboat.test uptime
# expect-not: secret-generic-password
openssl enc -aes-256-cbc -pass env:MANIFEST_KEY -in manifest.json -out manifest.enc
# expect-not: secret-generic-password
mysql -u tugboat -p 'tugboat_manifests'
# expect-not: secret-generic-password
mkdir -p '/opt/tugboat/releases'
# expect-not: secret-generic-password
docker run -p '8080:80' tugboat/portal
# expect-not: secret-generic-password
backup-tool push --password "$BACKUP_PASSWORD" --target s3://tugboat-backups
# expect-not: secret-generic-password
yarn config set npmRegistryServer https://npm.tugboat.test
# expect-not: secret-generic-password
make list | grep -P "^$module\s+\d" > /dev/null
# expect-not: secret-generic-password
grep -P '^[A-Za-z0-9]{20,}$' tokens.txt
# expect-not: secret-generic-password
ssh -p '2222' ops@bastion.tugboat.test uptime
