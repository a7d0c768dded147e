#!/usr/bin/env bash
# expect: secret-credential-in-uri@64-84
smbclient //fileserver.example.test/manifests -U 'svc-manifest%bF4K6pqCZh2D4j9tio_B' -c 'ls'
# expect-not: secret-credential-in-uri
smbclient //fileserver.example.test/manifests -U "svc-manifest" -A /etc/samba/creds
# expect-not: secret-credential-in-uri
printf '%s%%\n' "$USAGE"
