import os

import boto3
from django.conf import settings

API_KEY_HEADER = "X-Puffin-Key"
SECRET_ID = "puffin/booking-db"
PASSWORD_RESET_TIMEOUT = 3600

db_password = os.environ["DB_PASSWORD"]
api_key = os.environ.get("PUFFIN_API_KEY")
session_secret = os.getenv("SESSION_SECRET", "")
stripe_key = settings.STRIPE_SECRET_KEY
token = boto3.client("secretsmanager").get_secret_value(SecretId=SECRET_ID)["SecretString"]
password = input("Password: ")
checksum = "f5e25274573373a508eaf56f6f87c5ccc23e6434ef4db4479625fa4ede725711"
etag = "e29f4f1cc8672b60c071c922ff07ef85"
