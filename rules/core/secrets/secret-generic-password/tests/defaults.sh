#!/usr/bin/env bash
# An unquoted default in a parameter expansion is a literal.
# expect: secret-generic-password@26-46
API_SECRET=${API_SECRET:-RatoohVO0yGpHt7zFAKE}
# expect-not: secret-generic-password
DB_PASSWORD=${DB_PASSWORD:-}
# expect-not: secret-generic-password
APP_TOKEN=${APP_TOKEN:?APP_TOKEN must be set}
# expect-not: secret-generic-password
SIGNING_SECRET=${SIGNING_SECRET}
