"""Application settings."""
from __future__ import annotations

import os
import logging

LOG = logging.getLogger(__name__)

# expect: secret-generic-password@16-32
DB_PASSWORD = os.environ["DB_PASSWORD"]
# expect: secret-generic-password@20-51
SECRET_KEY: str = os.environ["SECRET_KEY"]
DATABASES = {
    # expect: secret-generic-password@45-62
    "default": {"USER": "app", "PASSWORD": os.environ["PASSWORD"]},
}


def connect(factory):
    # expect: secret-generic-password@42-58
    return factory(user="app", password=os.environ["PASSWORD"])


# expect-not: secret-generic-password
API_TOKEN = os.environ["API_TOKEN"]
# expect-not: secret-generic-password
API_KEY = os.getenv("API_KEY", "")
# expect-not: secret-generic-password
AUTH_TOKEN = f"Bearer {API_TOKEN}"
# expect-not: secret-generic-password
PASSWORD_MIN_LENGTH = 12
# expect-not: secret-generic-password
if password == "Zq7mKx9Tf4bLFAKE":
    pass
