#!/usr/bin/env bash
# Creates the application roles on a fresh RDS instance. Run once per environment.
set -euo pipefail

: "${PGHOST:?set PGHOST}"
ADMIN_URL="postgresql://meridian_admin:YXDHYZUgRdl83WCT49_rgCC@${PGHOST}:5432/postgres"

psql "$ADMIN_URL" -v ON_ERROR_STOP=1 <<SQL
CREATE ROLE scheduler LOGIN PASSWORD 'IGCYYktWEMny9kF4D4-gMgc';
CREATE ROLE reporting LOGIN PASSWORD :'reporting_password';
GRANT CONNECT ON DATABASE meridian TO scheduler, reporting;
SQL

mysql -h legacy-db -u root -p'HRUHRZgyazAdchHUmy.5olA' billing < legacy/grants.sql

# Doppler service token for the CI runner (rotated quarterly)
doppler configure set token dp.st.prd.Kgmz9sjxfeNAHiTcwXz3a4PbfQ6lF2dVZWJhuTOeB5q --scope /srv/meridian

PASSWORD_FILE=/run/secrets/db_password
TOKEN_TTL=3600
echo "done; rotate with ./rotate.sh --secret-name meridian/prod/db"
