"""Loads QC metrics (MultiQC JSON) into the analytics warehouse and notifies the lab channel."""
import json
import os

import pika
import sqlalchemy as sa
from langsmith import Client as LangSmith
from pinecone import Pinecone
from notion_client import Client as Notion

engine = sa.create_engine(
    sa.engine.URL.create(
        "postgresql+psycopg",
        username="qc_loader",
        password="9_wOhZWeY-Q_mnKhASU5",
        host="warehouse.internal.avocet.bio",
        database="qc",
    )
)

AMQP = pika.URLParameters("amqps://qc-events:3fQd3WXENYY5fe9uYrvA_pDo@mq.internal.avocet.bio:5671/%2Flab")

# embeddings of protocol PDFs for the lab assistant
pc = Pinecone(api_key="pcsk_4d6lH_jhLOuE3oWHMNiDzcHamOgIaWM1tfDtNWVrUqkY1AfNwJnroVmKSxBHDKaTK3B9B")
protocols = pc.Index("protocols")
traces = LangSmith(api_url="https://api.smith.langchain.com", api_key="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")

notion = Notion(auth="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")
RUNBOOK_DB = "05ca5c37ac6413f4796a0755d4b3ba33"

def partner_url(run_id: str) -> str:
    return f"sftp://avocet_out:1jmwM5KmPihVq_Dv4OfQ@sftp.genomix-partners.com/outbound/{run_id}.tar"


def load(path: str) -> None:
    with open(path) as f, engine.begin() as tx:
        for sample, metrics in json.load(f)["report_general_stats_data"][0].items():
            tx.execute(sa.text("insert into qc.metrics values (:s, :m)"), {"s": sample, "m": json.dumps(metrics)})
