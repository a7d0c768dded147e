"""Django settings for the Juniper marketplace (farm equipment listings and telemetry dashboards)."""
import os
from pathlib import Path

import environ

BASE_DIR = Path(__file__).resolve().parent.parent
env = environ.Env(DEBUG=(bool, False))

SECRET_KEY = env("DJANGO_SECRET_KEY")
DEBUG = env("DEBUG")
ALLOWED_HOSTS = ["market.juniper-agri.example", "localhost"]

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "marketplace",
        "USER": "market_app",
        "PASSWORD": os.environ.get("MARKET_DB_PASSWORD", "qMLcL2GXnLk8M2Y2faFMqZ"),
        "HOST": "pg.internal.juniper-agri.example",
    },
    "telemetry": env.db_url("TELEMETRY_DATABASE_URL", default="postgres://telemetry_ro:Uy0beu5766it0qwWnNaruQ@tsdb.internal:5432/telemetry"),
}

CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://:Jbj32cOIaKvlNg3MHI8BkM@cache.internal:6379/2"}}

EMAIL_BACKEND = "anymail.backends.sendgrid.EmailBackend"
ANYMAIL = {
    "SENDGRID_API_KEY": "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",
}

PASSWORD_HASHERS = ["django.contrib.auth.hashers.Argon2PasswordHasher"]
AUTH_PASSWORD_VALIDATORS = [{"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}}]
SESSION_COOKIE_NAME = "juniper_session"
CSRF_HEADER_NAME = "HTTP_X_CSRFTOKEN"
SENTRY_DSN = "https://3f1c2a9b8e7d4c6f9a0b1c2d3e4f5a6b@o4507.ingest.sentry.io/4507123"
STRIPE_PUBLISHABLE_KEY = "pk_live_51Juniper0000000000000000000000000000000000000000000000000"
STRIPE_SECRET_KEY = env("STRIPE_SECRET_KEY")
