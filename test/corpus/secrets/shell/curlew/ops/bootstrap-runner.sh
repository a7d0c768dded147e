#!/usr/bin/env bash
# Bootstraps a build runner for the broker portal. Run once as root.
set -euo pipefail

gh auth login --hostname github.com --with-token <<< "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"
docker login registry-1.docker.io -u curlewci --password-stdin <<<'dckr_pat_rmktGK_usnH6p91nbM04dkE0nQp'
doctl auth init --access-token dop_v1_ed37d3e33ed603f7867ab85d54471242498a2962170405df780ec32ef3677a44

keytool -importcert -noprompt -alias partner-axa -file /opt/certs/partner-axa.pem \
  -keystore /etc/ssl/partner-trust.p12 -storepass eMFJi^P03bvz7Z

htpasswd -b -B -c /etc/nginx/.htpasswd-portal broker-preview 'ycs2vqp4DuVx-ClM'

gpg --batch --yes --pinentry-mode loopback --passphrase "e3o+oB.I2f_JcThFBj6i" --decrypt /opt/bootstrap/runner.env.gpg > /etc/runner.env

curl -fsS https://api.openai.com/v1/models -H "Authorization: Bearer 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" > /dev/null

expect <<EOT
spawn ssh mfops@mfbridge01.curlew.internal
expect "password:"
send "D-LNwDJUhpTwWv6I\r"
expect "$ "
send "exit\r"
EOT
