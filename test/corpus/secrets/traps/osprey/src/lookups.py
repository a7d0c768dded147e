import os

from decouple import config
from pydantic import SecretStr
from pydantic_settings import BaseSettings

DB_PASSWORD = os.environ["DB_PASSWORD"]
SPIRE_TOKEN = os.getenv("SPIRE_TOKEN")
STRIPE_KEY = os.environ.get("STRIPE_SECRET_KEY", "")
SECRET_KEY = config("SECRET_KEY")
PASSWORD_MIN_LENGTH = 12
TOKEN_TTL = 900


class Settings(BaseSettings):
    gocardless_access_token: SecretStr
    plaid_secret: SecretStr = SecretStr("")
    api_key_header: str = "X-API-Key"
