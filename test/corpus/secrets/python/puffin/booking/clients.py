import boto3
import hvac
import ldap3
import pymssql
import redis
import requests
from requests.auth import HTTPDigestAuth
from stripe import StripeClient
from openai import OpenAI
from anthropic import Anthropic
from slack_sdk import WebClient
from sendgrid import SendGridAPIClient

from .settings import settings

# Vault for per-sailing manifest encryption keys
vault = hvac.Client(url="https://vault.puffin.internal:8200", token=os.environ["VAULT_TOKEN"])

stripe_client = StripeClient("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")

llm = OpenAI(api_key="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", organization="org-puffinferries")
claude = Anthropic(
    api_key=(
        "sk-ant-api03-_an1Ol8YQuRIb31zgMThFPmsf2rsuA7Gl-EwoDHmuDXWkVmKxS68PFvmDF91o63g98HQFy3MZN_lVFECc-He1eNTqWqvxAA"
    ),
)

slack = WebClient("xoxb-707279846388-364462050763-iJisnV9DcGekEBTLueMn6U3p")
mail = SendGridAPIClient(api_key="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")

s3 = boto3.client(
    "s3",
    region_name="eu-west-1",
    aws_access_key_id="AKIAGIJWTVQOPEYH6PJL",
    aws_secret_access_key="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",
)

cache = redis.Redis(host="cache.puffin.internal", port=6380, ssl=True, password=settings.redis_password)

# legacy port-authority SOAP endpoint uses digest auth
port_authority = requests.Session()
port_authority.auth = HTTPDigestAuth("puffin-ferries", "GGh!YAXXXRtu0t6r-cms")

def crew_directory():
    server = ldap3.Server("ldaps://ad.puffin.internal", use_ssl=True)
    return ldap3.Connection(server, "CN=svc-crewsync,OU=Service,DC=puffin,DC=local", "w~SdlA-55Ykfws2hvdfN", auto_bind=True)

def legacy_reservations():
    # old MSSQL reservation system: server, user, password, database
    return pymssql.connect("resv-sql01.puffin.local", "resv_reader", "Ee^R^4-KP1zYSz", "Reservations")

def weather_feed():
    return requests.get(
        "https://api.marine-weather.test/v2/forecast",
        params={"area": "north-channel", "appid": settings.weather_appid},
        timeout=10,
    )

def loyalty_headers(session_id: str) -> dict:
    return {"X-Request-Id": session_id, API_KEY_HEADER: settings.loyalty_api_key}

API_KEY_HEADER = "X-Loyalty-Key"
