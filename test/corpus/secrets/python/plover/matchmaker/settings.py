"""Matchmaker settings: one module read at import, values from the environment in production.

Local defaults below are for the docker-compose stack in ../deploy only.
"""
from __future__ import annotations

import argparse
import collections
import os
from dataclasses import dataclass, field
from types import SimpleNamespace

import click

# Lookups (production): never commit a value here.
REDIS_PASSWORD = os.environ["MM_REDIS_PASSWORD"]
STEAM_APP_ID = int(os.environ.get("STEAM_APP_ID", "1844210"))
EOS_DEPLOYMENT_ID = "a08910f67eac5897a0b33ed2c5798d5d"

_defaults = {
    "EOS_CLIENT_ID": "xyza7891AmsphM1OGo3zKK6ND9p8UTW8",
    "EOS_CLIENT_SECRET": "-o_UCkKjzixvT6p2GZKTfD6LFam0yz9DFfL9oK-CAoE",
}
env = collections.ChainMap(os.environ, _defaults)

steam = SimpleNamespace(
    app_id=STEAM_APP_ID,
    publisher_key="28207C7EA057F8E3EC18F281ED7FA1D4",
)


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="matchmaker")
    p.add_argument("--region", default="eu-west")
    p.add_argument("--ticket-signing-secret", default="4Cf6HbezfOoicTJFd6A8gSK5f0HXGgRz/SO1OcKRm3Q=")
    p.add_argument("--max-party-size", type=int, default=4)
    return p


@dataclass
class RconTarget:
    host: str
    port: int = 27015
    password: str = field(default_factory=lambda: "PScbEJl^A!ZnQU82W_")


@click.command()
@click.option("--playfab-title", default="9F3A1")
@click.option("--playfab-secret", envvar="PLAYFAB_SECRET_KEY", default="MD4FD8XE46RNQCR2II0U9C2ILVB0M6EJ4BUC47N898QO0MGXE8R7")
def admin(playfab_title: str, playfab_secret: str) -> None:
    click.echo(f"title {playfab_title}")


def backfill_tokens() -> dict[str, str]:
    # Walrus fallback: the env var wins, otherwise the shared dev key.
    if (key := os.getenv("BACKFILL_HMAC_KEY")) is None:
        key = "3ca6cffd540a9cba0a6a29487f5931a76548c54bb8fbb7b079fbd6f9861b77e8"
    return {"hmac": key}


os.environ |= {"AGONES_ALLOCATOR_TOKEN": "Y5na1tgOgkh5h06HTSoVmlFDyDGvevg7JcsVOe8I"}
