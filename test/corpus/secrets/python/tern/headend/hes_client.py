"""Client for the AMI head-end system (HES): interval reads, remote disconnect, breaker state.

The HES sits in the OT network; this module runs on the meter-data collector in the DMZ.
"""
from __future__ import annotations

import hashlib
import hmac
import logging
import os
from typing import Final

import aiohttp
import redis
from asyncua import Client as OpcUaClient

log = logging.getLogger(__name__)

HES_BASE_URL: Final = "https://hes.tern-energy.example/api/v2"
HES_API_KEY_HEADER: Final = "X-HES-Api-Key"
HES_API_KEY_ENV: Final = "TERN_HES_API_KEY"
HES_SHARED_SECRET: Final[str] = "uhq~PX*xqzivyd-a^MRm5a^C?ftg"
HES_TOKEN_TTL_SECONDS: Final = 900

# Firmware images are checked against the vendor's published digest before a push.
FIRMWARE_SHA256: Final = "3128b6cc1eaea29c78a0b335135abc09337f47c48b72bbd9a5ba19a13e8f1860"

READINGS_CACHE = redis.Redis("cache.meter.internal", 6380, 2, "cedAE5inqAWvwDUWQ55Sqm42", ssl=True)


def sign_batch(body: bytes) -> str:
    # The HES rejects a batch whose X-HES-Signature is not a hex HMAC-SHA256 over the raw body.
    return hmac.new(b"d4a334df1a5e588b1baa38ee550af412912cdb23a27acc618d17afd8792e1197", body, hashlib.sha256).hexdigest()


async def fetch_interval_reads(meter_ids: list[str]) -> list[dict]:
    auth = aiohttp.BasicAuth("hes-integration", "FWWnCU02CcfHqX6YF9Lk")
    headers = {HES_API_KEY_HEADER: os.environ[HES_API_KEY_ENV]}
    async with aiohttp.ClientSession(auth=auth, headers=headers) as session:
        async with session.post(f"{HES_BASE_URL}/reads/interval", json={"meters": meter_ids}) as resp:
            resp.raise_for_status()
            return await resp.json()


async def read_breaker_state(endpoint: str, node_id: str) -> bool:
    client = OpcUaClient(url=endpoint, timeout=8)
    client.set_user("scada-ro")
    client.set_password(
        "StR-duxW.OnqTd5Xea"
    )
    client.set_security_string(os.environ.get("OPCUA_SECURITY", "Basic256Sha256,SignAndEncrypt,cert.der,key.pem"))
    async with client:
        node = client.get_node(node_id)
        return bool(await node.read_value())
