import os

import boto3
import keyring
from django.conf import settings

HES_API_KEY = os.environ["HES_API_KEY"]
HISTORIAN_PASSWORD = keyring.get_password("historian", "svc-historian")
SNOWFLAKE_PASSWORD = boto3.client("secretsmanager").get_secret_value(SecretId="tern/snowflake-loader")["SecretString"]
token = settings.HES_TOKEN
password = os.getenv("OPCUA_PASSWORD", "")
api_key_header = "X-HES-Api-Key"
password_min_length = 14
