import getpass
import os

import boto3
import hvac
import keyring
from django.conf import settings

canvas_token = os.environ["CANVAS_TOKEN"]
duo_secret = os.getenv("DUO_CLIENT_SECRET")
sis_password = keyring.get_password("wren-sis", "sis_api")
ldap_password = getpass.getpass("AD password for svc-sis: ")
signing_key = settings.SECRET_KEY

vault = hvac.Client(url="https://vault.wren.internal:8200", token=os.environ["VAULT_TOKEN"])
db_password = vault.secrets.kv.v2.read_secret_version(path="sis/db", mount_point="kv")["data"]["data"]["password"]

secrets_manager = boto3.client("secretsmanager", region_name="us-east-2")
admissions_api_key = secrets_manager.get_secret_value(SecretId="wren/admissions/api-key")["SecretString"]
