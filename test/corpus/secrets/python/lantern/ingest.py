"""Lantern ingest worker: pulls telemetry batches from SQS and writes them to the warehouse."""
import os
from dataclasses import dataclass, field

import boto3
import psycopg2
import requests
from databricks import sql as dbsql

WAREHOUSE_PASSWORD_ENV = "WAREHOUSE_PASSWORD"
SIGNATURE_HEADER = "X-Lantern-Signature"
API_TOKEN_TTL = 3600
PASSWORD_HASH = "$2b$12$C6UzMDM.H6dfI/f/IKcEeO6bQ4Kx9s1Q2w3e4r5t6y7u8i9o0p1a2"
SCHEMA_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"


@dataclass
class WarehouseSettings:
    host: str = "dbc-7f3a1c2e-9b4d.cloud.databricks.com"
    http_path: str = "/sql/1.0/warehouses/4b9d2e7f1a3c5e6f"
    access_token: str = "dapie83agghdg390763111cc4d8e7fgb7h99"
    catalog: str = "lantern"
    tags: list = field(default_factory=list)


class IngestConfig:
    QUEUE_URL = os.environ.get("INGEST_QUEUE_URL", "https://sqs.eu-west-1.amazonaws.com/123456789012/lantern-ingest")
    HMAC_KEY = os.environ.get("INGEST_HMAC_KEY", "f131c2e60217b2a72c6742024083ca939a3f27419576707a1b9f8ca3da9796be")
    db_password = os.getenv("WAREHOUSE_PASSWORD")
    webhook_secret = os.environ["INGEST_WEBHOOK_SECRET"]


def sqs_client():
    return boto3.client(
        "sqs",
        region_name="eu-west-1",
        aws_access_key_id="AKIAIRFMWTT35TQ2RDEM",
        aws_secret_access_key="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",
    )


def warehouse():
    return psycopg2.connect(
        "host=wh.lantern.internal port=5432 dbname=telemetry user=ingest password=Va7*eExX12H*Vk_4mj sslmode=require"
    )


def lakehouse(settings: WarehouseSettings = WarehouseSettings()):
    return dbsql.connect(server_hostname=settings.host, http_path=settings.http_path, access_token=settings.access_token)


def push_metrics(points):
    return requests.post(
        "https://metric-api.eu.newrelic.com/metric/v1",
        json=points,
        headers={"Api-Key": "NRAK-6YRFQ1OOFZGWOLTN8Q616TBQ5IY", "Content-Type": "application/json"},
        timeout=5,
    )


def notify_driver(chat_id, text):
    bot = "9357313040:AAXeDWXa5O145cN9MrQUoof4eB_c3AdBzpd"
    return requests.post(f"https://api.telegram.org/bot{bot}/sendMessage", data={"chat_id": chat_id, "text": text})


def legacy_ftp():
    from ftplib import FTP_TLS

    ftp = FTP_TLS("ftp.partner.example")
    ftp.login("lantern", "VF0om6dABgcx*J")
    return ftp


SETTINGS = {
    "mapbox": {"style": "mapbox://styles/lantern/clx0", "public_token": "pk.eyJ1IjoibGFudGVybiIsImEiOiJjbHgwIn0.public"},
    "redis": {"url": "redis://:nsjj+mxM3mZz0M3CuOWoOfgx@cache.lantern.internal:6379/2"},
    "crypto": {
        "fernet_key": "H1WojrzgAtsmO0VaWKOH7fJiV5hS/1rQSkpd6hU1VKQ=",
    },
    "secret_key_rotation_days": 90,
}
