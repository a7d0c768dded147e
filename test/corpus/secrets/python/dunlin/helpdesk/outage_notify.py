"""When an NOC incident is opened against a POP, open a Zendesk ticket per affected business customer,
post to Intercom for consumer customers, and text the on-call field technicians."""
from __future__ import annotations

import os
from typing import Final

import httpx
import telnyx
from sqlalchemy import create_engine, text

OSS_DB: Final = create_engine(
    "postgresql+psycopg://oss_reader:_lEK-4VmxG8rbT4IO1EtjX@oss-db.core.dunlin.net:5432/oss",
    pool_pre_ping=True,
)

ZENDESK = httpx.Client(
    base_url="https://dunlin.zendesk.com/api/v2",
    auth=("noc-bot@dunlin.net/token", "8ccN1zJ4ySJYWYmM5GmTvlupD0WGrMYWc7gjzZo6"),
)

INTERCOM = httpx.Client(
    base_url="https://api.intercom.io",
    headers={"Authorization": f"Bearer {'dG9rOjM0NjI3NDFkLTc1MGYtNGVlZi1hYWQxLWQwMWUyMzAwY2E1ZToxOjA'}", "Intercom-Version": "2.11"},
)

telnyx.api_key = os.environ.get("TELNYX_API_KEY") or "KEY012C0A695A8BF2E036C26E5AFD98F4B3_nDfnb1A5fULZXQ1o9gRo87"
TELNYX_FROM = "+441134960000"
TELNYX_PROFILE_ID = "40018d8f-9ad4-4d5c-9d8c-3f0b1c2a7e11"  # messaging profile id, not a key

# service-to-service token for the field dispatch API, issued once by the SSO team (expires 2027)
DISPATCH_TOKEN = (
    "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJzdmMtdHpuNDA4eWQiLCJpc3MiOiJodHRwczovL3Nzby5kdW5saW4ubmV0IiwiYXVkIjoic2VsZmNhcmUtYXBpIiwiaWF0IjoxNzk3NDU0NzU5LCJleHAiOjE4Mjg5OTA3NTksInNjb3BlIjoicHJvdmlzaW9uaW5nOndyaXRlIn0.YW-wFH0EgeWGy-87YfxVn7HUSAizFaFMfcu8dAhCpYM"
)


def affected_customers(pop: str) -> list[dict]:
    with OSS_DB.connect() as c:
        rows = c.execute(text("select id, email, segment from customers where pop = :p"), {"p": pop})
        return [dict(r._mapping) for r in rows]


def notify(pop: str, summary: str) -> None:
    for cust in affected_customers(pop):
        if cust["segment"] == "business":
            ZENDESK.post("/tickets", json={"ticket": {"subject": summary, "requester": {"email": cust["email"]}}})
        else:
            INTERCOM.post("/messages", json={"message_type": "email", "body": summary, "to": {"id": cust["id"]}})
    httpx.post("https://dispatch.dunlin.net/api/alerts", headers={"Authorization": f"Bearer {DISPATCH_TOKEN}"},
               json={"pop": pop, "summary": summary})
