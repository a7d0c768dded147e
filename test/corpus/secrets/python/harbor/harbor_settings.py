import os
from dataclasses import dataclass

from harbor_sdk import HarborClient

HARBOR_API_URL = os.environ.get("HARBOR_API_URL", "https://api.harbor.example")
HARBOR_API_KEY = os.environ.get("HARBOR_API_KEY", "AE5u378ovg9Pbd43Ad2xsNbwsctjBDMF")
HARBOR_API_SECRET = os.environ["HARBOR_API_SECRET"]
PASSWORD_RESET_TIMEOUT = 60 * 60 * 24
TOKEN_HEADER = "X-Harbor-Token"
MANIFEST_SHA256 = "3b6a10a5b2a31122325c56ceec0bc7528c5b708cd41ed98160c0c19226bcd208"
REQUEST_NAMESPACE = "3f601927-62a7-4357-a971-ab8bb627f650"

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "harbor",
        "USER": "harbor_app",
        "PASSWORD": "FRGx1qvAK2R*OP-gH^U6",
        "HOST": "db.harbor.internal",
        "PORT": 5432,
    }
}

CELERY_BROKER_PASSWORD = (
    "Aw38dAQiBcLzS0m5676QQ46fEs2dU3"
)


@dataclass
class HarborConfig:
    endpoint: str = "https://api.harbor.example"
    secret_key: str = "0bg3eaCjtgIQLQJOe15x8pqG5YnF5JipoiGVUEm6"
    retries: int = 3
    token_ttl: int = 900


def client() -> HarborClient:
    return HarborClient(
        endpoint=HARBOR_API_URL,
        api_token="21837c8115d7e4ccb37a708a50b01f38fdc620f5",
        verify_ssl=True,
    )


def rotate(current: str, *, new_password: str = None) -> None:
    if new_password is None:
        new_password = os.getenv("HARBOR_NEW_PASSWORD")
    print("password rotated for", current)


webhook = {"url": "https://hooks.harbor.example/in", "signing_secret": 'qXhvmWEKNcEgg7NKXdlNsIfIP6tExTaCKu6e'}
