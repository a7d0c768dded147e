"""Pulls AIS positions for vessels due at Osprey terminals from the satellite AIS providers."""
from __future__ import annotations

import logging
import os

import httpx

log = logging.getLogger(__name__)

SPIRE_GRAPHQL = "https://api.spire.com/graphql"
MARINETRAFFIC_BASE = "https://services.marinetraffic.com/api/exportvessels/v:8"
MARINETRAFFIC_KEY = os.environ.get("MARINETRAFFIC_KEY", "")
API_KEY_HEADER = "X-API-Key"


def spire_client() -> httpx.AsyncClient:
    return httpx.AsyncClient(
        base_url=SPIRE_GRAPHQL,
        headers={"Authorization": f"Bearer AstE8oYvUDvXaVaQAe5Vz3MhSB6bxhMy"},
        timeout=20.0,
    )


def berth_feed_client() -> httpx.Client:
    # the harbour master's berth feed only speaks basic auth
    return httpx.Client(
        base_url="https://berths.portauthority.example/api",
        auth=httpx.BasicAuth("osprey-feed", "P_1MdYrR.WAb+OIe0ov-yV"),
    )


def weather_client() -> httpx.Client:
    return httpx.Client(
        base_url="https://api.stormglass.io/v2",
        headers={"X-Api-Key": os.environ["STORMGLASS_KEY"], "Accept": "application/json"},
    )


async def positions(mmsi: list[str]) -> list[dict]:
    token = os.environ.get("SPIRE_TOKEN", "")
    if not token:
        log.warning("SPIRE_TOKEN is not set; using the cached positions")
    async with spire_client() as client:
        r = await client.post("", json={"query": "{ vessels(mmsi: %s) { nodes { lastPositionUpdate { latitude longitude } } } }" % mmsi})
        r.raise_for_status()
        return r.json()["data"]["vessels"]["nodes"]
