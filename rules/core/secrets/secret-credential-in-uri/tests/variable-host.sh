#!/bin/sh
# A URI whose host is a variable still carries a written password.
# expect: secret-credential-in-uri@36-48
ADMIN_URL="postgresql://shop_admin:Qd7nV2kX9pL4@${PGHOST}:5432/postgres"
# expect: secret-credential-in-uri@26-38
psql "postgres://shop_ro:Vt6cM1zR8bN3@$DB_HOST/shop" -c "select 1"
# expect-not: secret-credential-in-uri
ADMIN_URL="postgresql://shop_admin:${ADMIN_PASSWORD}@${PGHOST}:5432/postgres"
