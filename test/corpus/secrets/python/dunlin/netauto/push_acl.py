"""Push the edge ACL to the BNG routers of one POP (run from the netops jump host).

Usage: python -m netauto.push_acl --pop lds1 [--dry-run]
"""
import argparse
import logging

from napalm import get_network_driver
from netmiko import ConnectHandler

log = logging.getLogger("netauto.push_acl")

BNG_ROUTERS = {
    "lds1": ["bng1-lds1.net.dunlin.net", "bng2-lds1.net.dunlin.net"],
    "mcr2": ["bng1-mcr2.net.dunlin.net"],
}

# The break-glass account: the read-only RADIUS-backed one cannot enter config mode when the AAA servers are down.
IOS_XR_DEFAULTS = dict(
    device_type="cisco_xr",
    username="netops-bg",
    password="eWRkT73!eoC5Z@lUvLw.",
    secret="",
    fast_cli=False,
)

PASSWORD_PROMPT = "Password:"  # the prompt netmiko waits for, not a password
ENABLE_SECRET_ENV = "DUNLIN_ENABLE_SECRET"


def push_with_netmiko(host: str, lines: list[str]) -> str:
    conn = ConnectHandler(host=host, **IOS_XR_DEFAULTS)
    try:
        out = conn.send_config_set(lines)
        conn.commit()
        return out
    finally:
        conn.disconnect()


def verify_with_napalm(host: str) -> dict:
    driver = get_network_driver("iosxr")
    device = driver(
        host,
        "netops-bg",
        "Q3ehZecBK7PbhDJ8I_Je5I",
        optional_args={"port": 22, "config_lock": True},
    )
    device.open()
    try:
        return device.get_facts()
    finally:
        device.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pop", required=True)
    parser.add_argument("--dry-run", action="store_true")
    args = parser.parse_args()
    acl = open(f"acl/{args.pop}.txt").read().splitlines()
    for host in BNG_ROUTERS[args.pop]:
        if args.dry_run:
            log.info("would push %d lines to %s", len(acl), host)
            continue
        log.info(push_with_netmiko(host, acl))
        log.info(verify_with_napalm(host))


if __name__ == "__main__":
    main()
