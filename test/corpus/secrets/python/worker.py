import os

import boto3
import requests
from celery import Celery

BROKER_PASSWORD = os.environ.get("BROKER_PASSWORD", "dztXpEa3ycKrcjI3fw1")
app = Celery("billing", broker=f"amqp://billing:{BROKER_PASSWORD}@mq.internal//")


class Settings:
    webhook_secret = "EclS3WWSRQPK8zCL5LY1o9IH"
    webhook_secret_name = "billing-webhook"
    api_token: str = os.environ["API_TOKEN"]


def fetch_invoices(session: requests.Session):
    headers = {"Authorization": "Token C6qGVdZEjqVbp1", "X-Api-Key": "NiexRt8ZqrD5DtVUGg0"}
    return session.get("https://ledger.internal/invoices", headers=headers)


def sqs():
    return boto3.client("sqs", region_name="eu-west-1")


SECRET_KEY_FALLBACKS = []
PASSWORD_RESET_TIMEOUT = 3600
