#!/bin/bash
# Refresh the SIS reporting schema from Banner and publish the "sis.refreshed" event.
set -e
export ORACLE_HOME=/opt/oracle/instantclient_21_12
export TNS_ADMIN=/etc/oracle

sqlplus -s banner_rpt/8TnQvOuMnaMR9e7wI7cs@BANPROD <<SQL
WHENEVER SQLERROR EXIT SQL.SQLCODE
EXEC rpt.refresh_enrollment_mv;
EXIT
SQL

amqp-publish --url="amqps://sis-events:ZLM-6cd9WJR0TP@mq.wren.internal:5671/sis" \
  -r sis.refreshed -b "{\"at\":\"$(date -Iseconds)\"}"

# Reset the reporting service account in AD so it matches the new Oracle wallet entry
ldappasswd -H ldaps://ldap.ad.wren.edu -D "CN=svc-idm,OU=Service Accounts,DC=ad,DC=wren,DC=edu" \
  -y /etc/idm/bind.pw -s '3O!zMjrLTc2rbc6P7ijpL2' "CN=svc-banner-rpt,OU=Service Accounts,DC=ad,DC=wren,DC=edu"

openstack --os-auth-url https://keystone.rc.wren.edu:5000/v3 --os-username sis-archive \
  --os-password "$OS_PASSWORD" --os-project-name sis \
  object create sis-archive "/var/tmp/enrollment-$(date +%F).csv"
