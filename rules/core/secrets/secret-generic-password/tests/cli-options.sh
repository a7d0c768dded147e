#!/usr/bin/env bash
set -euo pipefail

# expect: secret-generic-password@90-110
ldapsearch -H ldaps://ad.example.test -D "cn=svc-terminal,ou=svc,dc=example,dc=test" -w 'o7W.^CP~-g!cwoC6TM3A' -b "ou=crew,dc=example,dc=test"

keytool -importkeystore -srckeystore terminal.p12 -srcstoretype PKCS12 \
  # expect: secret-generic-password@54-74
  -destkeystore /etc/app/terminal.jks -deststorepass E0yFs!4QMqGCPhBE6i9C -srcstorepass "${P12_PASSWORD}"

# expect-not: secret-generic-password
grep -w 'password' /etc/app/notes.txt
# expect-not: secret-generic-password
keytool -list -keystore /etc/app/terminal.jks -storepass:env STORE_PASSWORD
# expect-not: secret-generic-password
ldapsearch -H ldaps://ad.example.test -D "cn=svc-terminal,ou=svc,dc=example,dc=test" -w "${LDAP_PASSWORD}"
