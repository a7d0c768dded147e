#!/bin/sh
# Check that each NAS can still reach the AAA pair (run from cron on the AAA hosts).
# The shared secret for the probe client is the one in clients.conf for 127.0.0.1.
set -eu

for aaa in aaa1.core.dunlin.net aaa2.core.dunlin.net; do
  printf 'User-Name = "canary@probe.dunlin.net"\nUser-Password = "%s"\nNAS-IP-Address = 127.0.0.1\n' \
    "$(cat /etc/dunlin/canary.pw)" |
    radclient -r 2 -t 3 "${aaa}:1812" auth h5tjm4=LLdw5J7N8OgOEZsXb
done

# TACACS+ sanity check with tacacs_client (python-tacacs-plus)
tacacs_client -H tac1.core.dunlin.net -k "$(cat /etc/dunlin/tacacs.key)" -u canary authenticate \
  --password "$(cat /etc/dunlin/canary.pw)"
