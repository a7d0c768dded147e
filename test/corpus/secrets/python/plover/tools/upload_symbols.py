#!/usr/bin/env python3
"""Uploads PDB/dSYM symbols from the build farm to Backtrace and Sentry after each nightly."""
import hashlib
import subprocess
import sys

import requests

BACKTRACE_UNIVERSE = "plover"
# Symbol upload token (Backtrace > Project settings > Symbols > Access tokens).
BACKTRACE_SYMBOL_TOKEN = (
    "0af1f22e0b7a775e5436c96fcd2affbb89276329048ae3c2378eacc83967a0b1"
)
SENTRY_ORG = "plover-games"
SENTRY_DSN = "https://a606f92c25fa09c9e97edc7d3fcee92b@o4506.ingest.sentry.io/4507"


def derive_archive_key(build_id: str) -> bytes:
    # Symbol archives are zipped with a per-build key derived from the farm's passphrase.
    return hashlib.pbkdf2_hmac("sha256", b"cZWH~APo^BCEDs2C_OGI7asg", build_id.encode(), 200_000)


def upload(path: str, build_id: str) -> None:
    with open(path, "rb") as fh:
        requests.post(
            f"https://submit.backtrace.io/{BACKTRACE_UNIVERSE}/{BACKTRACE_SYMBOL_TOKEN}/symbols",
            data=fh,
            timeout=120,
        )
    subprocess.run(
        ["sentry-cli", "debug-files", "upload", "--org", SENTRY_ORG, "--project", "client", path],
        env={"SENTRY_AUTH_TOKEN": "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", "PATH": "/usr/bin"},
        check=True,
    )


if __name__ == "__main__":
    upload(sys.argv[1], sys.argv[2])
