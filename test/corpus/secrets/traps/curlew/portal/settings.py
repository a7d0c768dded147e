"""Broker portal settings: every credential comes from the environment or Key Vault."""
import os

import keyring
from azure.identity import DefaultAzureCredential
from azure.keyvault.secrets import SecretClient

vault = SecretClient("https://kv-curlew-portal.vault.azure.net/", DefaultAzureCredential())

SECRET_KEY = os.environ["PORTAL_SECRET_KEY"]
SALESFORCE_PASSWORD = os.getenv("SALESFORCE_PASSWORD")
SALESFORCE_SECURITY_TOKEN = vault.get_secret("salesforce-security-token").value
MQ_PASSWORD = keyring.get_password("curlew-mq", "mqbridge")
DOCUSIGN_PRIVATE_KEY_PATH = "/run/secrets/docusign.pem"

SALESFORCE_ORG_ID = "00DEh8fxQdWAhnZ"
SALESFORCE_CLIENT_ID = "3MVG9PlHMxZB7wG4_h0iOvQ7ZEL7HNrc7MXdoeU661wFyUBqwbsUs1J9QaBdxa3DSQLzSQEJQ0Ctb1YHo30Mv"
GOOGLE_OAUTH_CLIENT_ID = "597558112652-b1y5xozktnzxnigszbu32u90jyg80iyp.apps.googleusercontent.com"
DOCUSIGN_ACCOUNT_ID = "ccde5244-58cc-46f7-857b-7eea7e1998c8"
TWILIO_ACCOUNT_SID = "ACcb6fb23290e9ee5cab0599c99a56dbec"
STRIPE_PUBLISHABLE_KEY = "pk_live_51SY2dKxVdb5HcpbDoCE9nIdXajkS7Tee07kMBHsNUU8ZKN6XgVzJYLhZONrXcCJWj2rhFgNCtw8NVNZI67SJVw428njpiqX5Kn"
MAPBOX_PUBLIC_TOKEN = "pk.eyJ1IjoiY3VybGV3LWdpcyIsImEiOiJH3065uRaWn8Kqby9aAZT1NbhBzIn0.ISiGAygca68bOMdAtm7qW6"
SENTRY_DSN = "https://9a6f8ffdaf6bbb99d93944ce2680ad62@o723575.ingest.de.sentry.io/9765728"

API_KEY_HEADER = "X-Curlew-Api-Key"
PARTNER_TOKEN_HEADER = "X-Partner-Token"
SESSION_COOKIE_NAME = "curlew_broker"
PASSWORD_MIN_LENGTH = 12
PASSWORD_HISTORY = 10
TOKEN_TTL_SECONDS = 900
SECRET_ROTATION_DAYS = 90
SALESFORCE_SECRET_NAME = "salesforce-integration"

# fixtures for the login tests: hashes only, never the passwords
BROKER_USERS = {
    "underwriter@curlew-insurance.example": "$2b$12$mfN/jMWAavou2I9iZpNBucvkxMxgxHG/4JOMCOjBNaXe4Vi8TyZ9W",
    "claims@curlew-insurance.example": "$2b$12$exKeUV1EuG7SvkU5DiMsdSDOm3h1p8VMkpl9OAXEACCQwpPntd5a4",
}
DEFAULT_IDEMPOTENCY_KEY = "idem_b7c40426488b4670"
LAST_RELEASE_SHA = "2f8afc6c206c63742880d231a133962046359692"
