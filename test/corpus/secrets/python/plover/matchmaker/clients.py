import os

import asyncpg
import httpx
import motor.motor_asyncio
from botocore.credentials import Credentials

from .settings import env

CRASH_BUCKET = "plover-crash-dumps"

# Crash-dump uploads from the matchmaker (separate IAM user, read/write on one bucket).
creds = Credentials(
    "AKIASETBPPZ6KGSB4ML6",
    "/IgMxSlnS2j7I1gGwsaFujRyHeZCsRVsWamOAdza",
)

anthropic_http = httpx.AsyncClient(
    base_url="https://api.anthropic.com",
    headers={"x-api-key": "sk-ant-api03-lST-v7CkIOV0U9D_xLlL9a2MIdv2jAo_zwFQPwbtPuoVNqRsd3hitSvkGR74bKFMrTatE8QwUOt4bhaTORL86cXjOgBHBAA", "anthropic-version": "2023-06-01"},
)

groq_headers = {"Authorization": "Bearer " + "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"}


async def pools():
    pg = await asyncpg.create_pool(dsn="postgresql://matchmaker:uc6hl8c8kHLSB-SfWsQL83@cockroach.internal:26257/matchmaking?sslmode=verify-full")
    mongo = motor.motor_asyncio.AsyncIOMotorClient("mongodb://telemetry:H~Z9ieCVAaTCq29CJFq5@mongo-0.telemetry:27017/?authSource=admin")
    return pg, mongo


def replicate_client():
    import replicate

    return replicate.Client(api_token=os.environ["REPLICATE_API_TOKEN"])


def voice_token_url() -> str:
    # Public by design: the Vivox issuer and domain go to clients.
    return f"https://mt1s.www.vivox.com/api2?issuer=plover-ab12-dev&domain=mt1s.vivox.com&id={env['EOS_CLIENT_ID']}"
