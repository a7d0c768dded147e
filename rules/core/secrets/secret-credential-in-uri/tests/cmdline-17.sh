#!/bin/sh
# Password files in batch mode: the flags in several words (`-b -B -c`) as in one (`-bBc`).
# expect: secret-credential-in-uri@57-73
htpasswd -b -B -c /etc/nginx/.htpasswd-preview preview 'Gkze5y7PZbS2FQcJ'
# expect: secret-credential-in-uri@41-57
htpasswd -B -b /etc/nginx/.htpasswd ops mmuvvyFYSiGVw3rS
# expect-not: secret-credential-in-uri
htpasswd -B -c /etc/nginx/.htpasswd ops
