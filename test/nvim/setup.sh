#!/usr/bin/env bash
# Installs Neovim (Debian bookworm: 0.7), the real LSP client test/nvim/neovim.test.ts drives. Idempotent.
set -euo pipefail
if command -v nvim >/dev/null 2>&1; then
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends neovim >/dev/null
nvim --version | head -1
