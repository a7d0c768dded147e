#!/usr/bin/env bash
# What the signature interop tests need (test/signing, test/unit/signing): Debian's containers/image
# sources, whose signature/fixtures hold real cosign- and skopeo-made signatures, and skopeo 1.9.3 rebuilt
# from Debian sources with sigstore switched back on (../shared/tools/skopeo-sigstore/build.sh, 2-4 min
# cold) at a stable path the tests look at: ${BULWARK_SKOPEO_SIGSTORE:-/opt/skopeo-sigstore}. Idempotent.
set -euo pipefail
cd "$(dirname "$0")/../.."
export DEBIAN_FRONTEND=noninteractive
fixtures=/usr/share/gocode/src/github.com/containers/image/signature/fixtures
out=${BULWARK_SKOPEO_SIGSTORE:-/opt/skopeo-sigstore}
build=../shared/tools/skopeo-sigstore/build.sh
if [ -d "$fixtures" ] && [ -x "$out" ]; then echo "signature interop: $fixtures, $out"; exit 0; fi

# The build installs Go and Debian's Go sources with apt-get: the package lists must be current.
apt-get update -qq
[ -d "$fixtures" ] || apt-get install -y -qq --no-install-recommends golang-github-containers-image-dev >/dev/null
if [ -x "$out" ]; then exit 0; fi
if [ ! -f "$build" ]; then
  echo "skopeo-sigstore: $build not found; the skopeo interop tests will skip (or fail under BULWARK_REQUIRE_REAL_CLIENTS=1)" >&2
  exit 0
fi
bash "$build" "$out"
