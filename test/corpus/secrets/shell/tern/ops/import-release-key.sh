#!/usr/bin/env bash
# Imports the billing release signing key on the packaging host so `dpkg-sig` can sign .deb files.
set -euo pipefail
export GNUPGHOME=/var/lib/packaging/gnupg
gpg --batch --import <<'KEY'
-----BEGIN PGP PRIVATE KEY BLOCK-----

lFgEaxZsmBYJKwYBBAHaRw8BAQdAS/w7TiTeTjoW1adWX7WSU7KI+M5kqdGcBla8
W6n9I9QAAQCmPFA7av4ebPn3o8vnyRVo5PtkiPDEYDnTXbznacWnUxL+tDJUZXJu
IEJpbGxpbmcgUmVsZWFzZSA8cmVsZWFzZUB0ZXJuLWVuZXJneS5leGFtcGxlPoiQ
BBMWCAA4FiEEBASMYBKrCvD8eJPKTXK8aiiJ6jQFAmsWbJgCGwMFCwkIBwIGFQoJ
CAsCBBYCAwECHgECF4AACgkQTXK8aiiJ6jTqywEAphgZBgJjxV+0B6Zvu+ZxnM+8
FSp3iqHzLTecJx/xaX8A/RtysGkWg0Il1HiFJ2VeJXOkshwWBy4+2usD3GEXeogD
=t8jW
-----END PGP PRIVATE KEY BLOCK-----
KEY
gpg --list-secret-keys --keyid-format=long
