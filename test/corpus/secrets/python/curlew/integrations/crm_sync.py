"""Broker CRM sync: Salesforce accounts and HubSpot contacts, DocuSign envelopes for signed policies."""
import os
from datetime import timedelta

import httpx
import pymqi
from docusign_esign import ApiClient
from gocardless_pro import Client as GoCardless
from hubspot import HubSpot
from ldap3 import Connection, Server
from sendgrid import SendGridAPIClient
from simple_salesforce import Salesforce

DOCUSIGN_INTEGRATION_KEY = "7d6f0cbd-84f1-43ee-85b2-e33f9ec818c0"
DOCUSIGN_USER_ID = "1aea4806-4afb-4ad7-bc68-76d6b73090b2"
DOCUSIGN_PRIVATE_KEY = """-----BEGIN RSA PRIVATE KEY-----
MIIEowIBAAKCAQEAmHPAGEtaGXmNtDXYi0pc1m+49Qavnrmqy+ll9nAedTr4pvEs
TEsTRJPq0Aok2Oh7E3v7Hzh6kU5wiIr3REhaoIU809yLncYU3nQ7Ub+WHB9/Q1/z
v352kL9YTL8prryDNjrk8Kf1hQbdY0Lnm/957y5VNfDcSzJ2qYB+akPLIBVopKrA
BgHakIgobvDx5UaxUOf9C2aUqBLVehLJdFmNrn/oumdlk+3XOu5C2bf4TF71rAIg
JxlftYcOk4eJUKHMH/Rih4jUk38dq8xYpfwYKUA5cf58u3U8loe10KzX9YftRtXr
i4C8FtzkWw2/FmvvhI/o0gedVyIw7SZrqmueOwIDAQABAoIBACQ6IVREl7EFCxDf
WMlkzuHgI6YKRDJmMXmKSYIBy6MU8+CL3/hzQK1jrwFn37CxsgmDxT16iNm9t40i
5LZTsUGC190KhBzmZLAmE7CN4+hj7bR/eScwsJEd/yghpxCQWGfLH/s2FmhZpMNB
M1OFJp8ZNgN+7IJsB/mogKHU4VCKl+1BZsHjmgA3VhUbPCvi4o3aN0OCFBA6e7EZ
XCZIYG7P3JKFsQVC/exZBHR0f+iHJV+vdB//y39Xb28YeAo95wCxK0F4Mfw6QKPm
jqlXy0qQ2KycIRrcjCh4W1bGATvWziN9Rf5ghWm5KZBHGrZsZW4u4pnci4X+uDBW
DMRxsnkCgYEAydB78FjDK8SAaGZaLndp/reXAY2QHyuO+3XrjZcocSF9NwESYORN
qBJyY4KfxD09s4APRgzj/W5HNnSNRywFzt4Xla5tG3aAhHhs6kusUQBI52MvcTz2
w0OJ2CZ+NU5n+Q05J1Gkw2vgM8rss/JxPTp+afqd9oCUb7t88p8sD2kCgYEAwWJm
jYqJt3ib86zPMOv/4nJP8/33vKJOP374Y6AqJ5YBbi5u8Mvum5Qr3vy8D7a9rXdp
M6ZvjOqty3A9xqXQewhPQpWSpVbiyYbCqta1UpdJ5uodH2rW9dfWKZ+bVSyNihyb
0Dkxel6Od4xUP6TFSHFNFEbixSZCKzxb/WEt8AMCgYACGNmA2NtGVCdlblLXksQW
MoAuMvNhb4lv0XzeHsj7y/ZKIQe43AZ2jaKEqDHSzzQZ7mW6O54O3xt8VF+3cpyo
1qP2GTbnByc0uS+gi6LBwLgBN4Whrpl90/DVvyimkyb/boS+hNmqci+FOkGVaRqG
IVp47XLAwftI4fDdcIv7qQKBgBozKa+9eEEKLx7JZ9y57JYSZLCq1NiSqMVDf4WH
2o44bYMu+UrYZkBfx73TQetjF7mbtv4Pa4eM9/TbBROXvXIdwxdDSnXqGpmxD0i0
BCbnZlTJnR53jB4MmvBStmnIunheveFtDj4E94pM0dE5kpzo9MdtfyW0tDxFVjUy
6FVfAoGBAKrOCzO2UsqG8tT+bLAuLNgtVBtXwsX4Zsc/9s1ErKc76ude2m85hqpH
YI1ENuX4bWHtEj39Va9Kg9p4ozB6OO5hZxlB9wSiD2rGaGLXkJxs4R6mdfQ86X7t
lfGBNOyaqfZ1JvEwOYZFX2I7kyA6DqLbUF2j5JDYAANE+suhyB/j
-----END RSA PRIVATE KEY-----
"""
SALESFORCE_ORG_ID = "00DYDPSApQkexWE"
TOKEN_TTL = timedelta(minutes=55)

BROKER_PORTAL_TEST_TOKEN = (
    "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJzdmMtdXlxMHF6IiwiaXNzIjoiY3VybGV3LWF1dGgiLCJhdWQiOiJjdXJsZXctYXBpIiwiaWF0IjoxNzk2Njc1MzA1LCJleHAiOjE4MjgyMTEzMDUsImp0aSI6IjM5MmQ4N2VhLWFlODgtNGU1My1iMDgxLWQ0MWU2ZTBhZDBjYiJ9.88NYj9mBkRIs_QD8dfJh7bNVJFBIjozs_S_lBjO6yTw"
)


def salesforce() -> Salesforce:
    return Salesforce(
        username="integration@curlew-insurance.example",
        password="aC5Jaxw0_68Ipt1q",
        security_token="Hq8b8cYkDzO2GW5RKwPRx7qf",
        domain="login",
    )


def hubspot() -> HubSpot:
    return HubSpot(access_token="pat-eu1-804a29a4-43b1-450b-9b53-8acf87c4accf")


def gocardless() -> GoCardless:
    token = os.environ.get("GOCARDLESS_ACCESS_TOKEN", "live_mmAL-8kte5mbTIqJBQiQ3HbLBgcvZx6YD5jcu5oh")
    return GoCardless(access_token=token, environment="live")


def mail() -> SendGridAPIClient:
    return SendGridAPIClient("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")


def summariser() -> httpx.Client:
    return httpx.Client(
        base_url="https://api.anthropic.com/v1",
        headers={"x-api-key": "sk-ant-api03-LIDT__qz6XeM3Nx9auyCld-uOhEkfRxWIgT-knHHT_WXie52eTAAg7MP6vV8EXLOvSBjVXUpDT8fsl0Vke-zi8cvflq7sAA", "anthropic-version": "2023-06-01"},
    )


def docusign() -> ApiClient:
    client = ApiClient(oauth_host_name="account.docusign.com")
    client.request_jwt_user_token(
        client_id=DOCUSIGN_INTEGRATION_KEY,
        user_id=DOCUSIGN_USER_ID,
        oauth_host_name="account.docusign.com",
        private_key_bytes=DOCUSIGN_PRIVATE_KEY.encode(),
        expires_in=3600,
        scopes=["signature", "impersonation"],
    )
    return client


def broker_directory() -> Connection:
    server = Server("ldaps://ad.curlew.local", use_ssl=True)
    return Connection(server, "cn=svc-portal,ou=Service,dc=curlew,dc=local", "Td2GmdLJeDr4gB_YETy-", auto_bind=True)


def mainframe_queue() -> pymqi.QueueManager:
    # the COBOL batch bridge publishes policy extracts on CURLEW.POLICY.OUT
    return pymqi.connect("QMPOL1", "CURLEW.SVRCONN", "mqp1.curlew.internal(1414)", "mqbridge", "xvdiqj877VlXcq")


def celery_broker() -> str:
    return "amqp://quotes:dnfyh~xCvi6l1m-tdl@rabbit.curlew.internal:5672/rating"
