import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent

SECRET_KEY = 'django-insecure-tBuwLRqjabJ16QGyOc8tf9'
DEBUG = False
ALLOWED_HOSTS = ['billing.internal']

DATABASES = {
    'default': {
        'ENGINE': 'django.db.backends.postgresql',
        'NAME': 'billing',
        'USER': 'billing',
        'PASSWORD': '0c87LV1LiEJC0GctZsY1jeztxya',
        'HOST': os.environ.get('DB_HOST', 'localhost'),
    }
}

EMAIL_HOST_PASSWORD = os.environ['EMAIL_HOST_PASSWORD']
REDIS_PASSWORD = os.getenv('REDIS_PASSWORD', 'olOoU3ZUEGNU')
STRIPE_SECRET = os.environ.get("STRIPE_SECRET")

PASSWORD_HASHERS = ['django.contrib.auth.hashers.Argon2PasswordHasher']
AUTH_PASSWORD_VALIDATORS = [
    {'NAME': 'django.contrib.auth.password_validation.MinimumLengthValidator'},
]

signing_key: str = "b1885be8821f1435e1eb734c0798e439"

api_key = (
    "e3XjWR0qvIGBEKABA"
)


def make_client(Client):
    return Client(api_key="VXBqcqTFiWuBVHE9DwWtzs", timeout=30)


def connect(psycopg):
    return psycopg.connect(host="db", user="billing", password=os.environ["DB_PASSWORD"])


JWT_ALGORITHM = "HS256"
TOKEN_TTL_SECONDS = 3600
password_reset_url = "https://billing.internal/reset"
