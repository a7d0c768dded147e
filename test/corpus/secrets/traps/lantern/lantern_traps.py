"""Lantern ops scripts: lookups, settings and look-alikes only; no secret value."""
import hashlib
import os
import uuid

from django.conf import settings

DB_PASSWORD = os.environ["DB_PASSWORD"]
API_KEY = os.getenv("LANTERN_API_KEY")
SECRET_KEY = settings.SECRET_KEY
TOKEN = os.environ.get("LANTERN_TOKEN", "")
WEBHOOK_SECRET = get_secret("lantern/webhook-secret")  # noqa: F821 (Secrets Manager name)
PASSWORD_HASHERS = ["django.contrib.auth.hashers.Argon2PasswordHasher"]
AUTH_PASSWORD_VALIDATORS = [{"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"}]
SESSION_COOKIE_NAME = "lantern_session"
CSRF_HEADER_NAME = "HTTP_X_CSRFTOKEN"
TOKEN_HEADER = "X-Lantern-Token"
SECRET_ROTATION_DAYS = 90
API_KEY_LENGTH = 40

placeholder_password = "********"
example_token = "<token>"
default_secret = "REPLACE_ME"
dummy_key = "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"

device_id = uuid.UUID("3f2b8c1d-6a4e-4f9b-b2c7-8d1e0f3a5b6c")
firmware_sha256 = "b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9"
md5_of_manifest = hashlib.md5(b"manifest").hexdigest()
commit = "1c002dd4b536e7479fe34593e2c1b4f2f4a4c1ab"

# Docs: set LANTERN_API_KEY=sk_live_... in your shell, or `lantern login --token <token>`.
DSN_TEMPLATE = "postgresql://{user}:{password}@{host}:{port}/{db}"
REDIS_URL = f"redis://:{os.environ['REDIS_PASSWORD']}@cache:6379/0"
BROKER = "amqp://guest@rabbitmq:5672//"

PUBLIC_CERT = """-----BEGIN CERTIFICATE-----
MIIBszCCAVmgAwIBAgIUbGFudGVybi1wdWJsaWMtY2VydDAKBggqhkjOPQQDAjAZ
MRcwFQYDVQQDDA5sYW50ZXJuLXB1YmxpYzAeFw0yNjAxMDEwMDAwMDBaFw0yNzAx
-----END CERTIFICATE-----"""
