#!/bin/sh
# Batch 17's command-line forms (command-secrets.ts, command-prompts.ts, command-settings.ts): a grammar keyword
# before a password, a secret prompt answered by a literal, a literal piped into chpasswd, a vendor key header.
# DB2 CLP and Informix: `user NAME using SECRET`.
# expect: secret-generic-password@43-61
db2 connect to SALESDB user appadm using "VDHAqx7aQOh1X2RgzY"
# Oracle and MySQL: `IDENTIFIED BY SECRET`, a SQL statement quoted in a command.
# expect: secret-generic-password@56-76
mysql -u root -e "CREATE USER 'app'@'%' IDENTIFIED BY 'Idmq430wGznqeYhu6mvp'"
# expect: secret-generic-password@39-55
echo "ALTER USER report IDENTIFIED BY CMOl1Z4pQ6r1uDtZ;" | sqlplus -s / as sysdba
# A bare `password` keyword before its value (NetworkManager, ipmitool, SQL in psql -c).
# expect: secret-generic-password@42-60
nmcli dev wifi connect Depot-5G password JHI6A1WmRmbpCsNW3q
# expect: secret-generic-password@73-95
psql -h db.lab.test -U postgres -c "ALTER ROLE app WITH LOGIN password 'EyJzebq056vCwyKAPyWgTY'"
# A literal with no user piped into chpasswd.
# expect: secret-generic-password@7-23
echo "Xb7LlprD0vmH7fEj" | chpasswd
# A header named for its vendor's key, in any command.
# expect: secret-generic-password@76-108
curl -fsS -X POST https://api.cdn.test/service/abc/purge_all -H "Acme-Key: zjrmuyMtPCNXodDx2KqrilnmtKTZ7rrN"
# An expect here-document: the answer sent to a password prompt.
expect <<EOF
spawn ssh ops@bastion.lab.test
expect "*assword*"
# expect: secret-generic-password@7-23
send "l5zo8tu1LmJ6nSUR\r"
expect "$ "
send "exit\r"
EOF
# Traps: references, prose, a user:password pair (secret-credential-in-uri's), answers that are no secret, a key that identifies.
# expect-not: secret-generic-password
db2 connect to SALESDB user appadm using "$DB2_PASSWORD"
# expect-not: secret-generic-password
db2 "select * from staff where name = 'x'" using table
# expect-not: secret-generic-password
echo password reset requested by ops
# expect-not: secret-generic-password
nmcli dev wifi connect Depot-5G password "$WIFI_PSK"
# expect-not: secret-generic-password
echo "ops:08Z4q9TEYzDJLomg" | chpasswd
# expect-not: secret-generic-password
curl -H "Idempotency-Key: vfo7SEYLefVxOrfYTxFaponS" https://api.pay.test/charges
# expect-not: secret-generic-password
curl -H "Partition-Key: gyCnUMmZ0006pQYZtuDqnb25" https://api.store.test/items
expect <<EOF
spawn ssh ops@bastion.lab.test
expect "*assword*"
# expect-not: secret-generic-password
send "$env(OPS_PASSWORD)\r"
expect "Continue? (yes/no)"
# expect-not: secret-generic-password
send "yes-please-go-on\r"
EOF
