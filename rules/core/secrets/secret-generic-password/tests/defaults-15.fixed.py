"""Defaults and fallbacks of secret-named places (default-positions.ts)."""
import argparse
import os
from dataclasses import dataclass, field

import click


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="relay")
    # expect: secret-generic-password@48-72
    p.add_argument("--upload-secret", default="uGk3ZSYbXMk9YH0n8vNQvJst")
    # expect: secret-generic-password@54-78
    p.add_argument("--api-token", type=str, default='f0otxk3H1ZP9ZSQeoIczxWCF', help="the relay's token")
    # expect-not: secret-generic-password
    p.add_argument("--region", default="eu-north-7x2a9")
    # expect-not: secret-generic-password
    p.add_argument("--password", default=None, help="read from the prompt when empty")
    # expect-not: secret-generic-password
    p.add_argument("--password-file", default="/run/secrets/relay")
    # expect-not: secret-generic-password
    p.add_argument("--token-header", default="X-Relay-Token")
    return p


@dataclass
class Target:
    host: str
    # expect: secret-generic-password@52-76
    password: str = field(default_factory=lambda: os.environ["PASSWORD"])
    # expect-not: secret-generic-password
    tags: list = field(default_factory=lambda: [])
    # expect-not: secret-generic-password
    password_prompt: str = field(default_factory=lambda: "Password:")


@click.command()
# expect: secret-generic-password@65-89
@click.option("--relay-secret", envvar="RELAY_SECRET", default="t8i8I9azx76UArpvImLZoUGL")
# expect-not: secret-generic-password
@click.option("--relay-secret-env", default="RELAY_SECRET")
def main(relay_secret: str) -> None:
    click.echo("ready")


def signing_key() -> str:
    if (value := os.getenv("RELAY_SIGNING_KEY")) is None:
        # expect: secret-generic-password@18-42
        value = "2COSTsFV21qscNzOS3RYwNJb"
    return value


def region() -> str:
    if (value := os.getenv("RELAY_API_TOKEN")) is None:
        # expect-not: secret-generic-password
        value = "eu-north"
    return value


# expect: secret-generic-password@27-51
session_secret = lambda: os.environ["SESSION_SECRET"]
# expect: secret-generic-password@23-47
webhook_secret = str(os.environ["WEBHOOK_SECRET"])
# expect-not: secret-generic-password
webhook_token = str(os.environ["WEBHOOK_TOKEN"])
