#!/bin/sh
# Oracle's tools take `user/password@service`.
# expect: secret-credential-in-uri@22-40
sqlplus -s report_ro/AjpZUzRC3TAXohAaD8@ORCLPDB <<SQL
# expect-not: secret-credential-in-uri
sqlplus -s "report_ro/$ORACLE_PASSWORD@ORCLPDB"
# An Emacs .authinfo line: `port` between the fields.
# expect: secret-credential-in-uri@62-81
machine imap.mail.test login ops@mail.test port 993 password ntoMyjLtmSJl~r6iZzh
# A literal piped into a command that reads a password from stdin.
# expect: secret-credential-in-uri@7-25
echo 'DXiXhTsHD*97LfVgEr' | kinit svc-backup@LAB.TEST
# expect: secret-credential-in-uri@7-27
echo 'F9MOOdhKvsfeyfaE5QqC' | docker login registry.lab.test -u ci --password-stdin
# expect-not: secret-credential-in-uri
echo "$KRB_PASSWORD" | kinit svc-backup@LAB.TEST
# expect-not: secret-credential-in-uri
echo 'hello world' | git hash-object --stdin
# Commands' own credential options and positions.
# expect: secret-credential-in-uri@19-40
ldappasswd -x -s 'dZk628FSMq!gK4Rq38xrp' \
  -H ldaps://ldap.lab.test -D "cn=admin,dc=lab,dc=test" -y /etc/ldap.pw "cn=svc,dc=lab,dc=test"
# expect: secret-credential-in-uri@30-46
mysqladmin -u root password '3xppqtWx5smc^bT0'
# expect-not: secret-credential-in-uri
mysqladmin -u root password "$MYSQL_ROOT_PASSWORD"
# expect: secret-credential-in-uri@13-53
wandb login 41f485cd3172804ef1cacc7ab18976cfb07f8c89
# expect-not: secret-credential-in-uri
wandb login --relogin
# expect: secret-credential-in-uri@14-62
./ezproxy -k wHaBVvpycY3WtrD7TgD7EUldvTvqyyK877SqD9sSOmUvz7QJ
# Oracle's documented sample account is no secret.
# expect-not: secret-credential-in-uri
sqlplus scott/tiger@ORCLPDB
