"""Application settings."""
from __future__ import annotations

import logging

LOG = logging.getLogger(__name__)

# expect: secret-generic-password@16-32
DB_PASSWORD = "Zq7mKx9Tf4bLFAKE"
# expect: secret-generic-password@20-51
SECRET_KEY: str = 'django-insecure-W4bLc8NvY3pFAKE'
DATABASES = {
    # expect: secret-generic-password@45-62
    "default": {"USER": "app", "PASSWORD": "Hs6Dj1Ge5aZq7FAKE"},
}


def connect(factory):
    # expect: secret-generic-password@42-58
    return factory(user="app", password="Lc8NvY3pHs6DFAKE")


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
