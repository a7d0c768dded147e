#!/bin/sh
set -eu
# expect: secret-github-token@21-61
export GITHUB_TOKEN=ghp_Zq7R2mKx9TfW4bLc8NvY3pHs6Dj1Ge5aFAKE
# An installation token inside a clone URL.
# expect: secret-github-token@35-75
git clone "https://x-access-token:ghs_W4bLc8NvY3pHs6Dj1Ge5aZq7R2mKx9TfFAKE@github.com/acme/app.git"
# expect-not: secret-github-token
export GITHUB_TOKEN="${GITHUB_TOKEN:?set it in CI}"
