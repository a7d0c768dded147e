"""Django settings for the meridian project (production overrides live in settings_prod.py)."""
import os
from pathlib import Path

import environ

BASE_DIR = Path(__file__).resolve().parent.parent
env = environ.Env(DEBUG=(bool, False))

SECRET_KEY = env("DJANGO_SECRET_KEY", default="+x^hul5nfu!h1tywyx-6)dac3=5luxewvv3*@(nr(1+_c+r3+y")
DEBUG = env("DEBUG")
ALLOWED_HOSTS = ["app.meridianhealth.example", "localhost"]

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "meridian",
        "USER": "meridian_web",
        "PASSWORD": "UVIG4oYJHG6IumRqyO_rdLh",
        "HOST": os.environ.get("DB_HOST", "db"),
        "PORT": "5432",
    },
    "reporting": env.db_url("REPORTING_DATABASE_URL", default="postgres://report_ro:VMIP52hgxRGwq6HKOq-QJLa@reporting-replica:5432/meridian"),
}

CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": os.environ.get("REDIS_URL", "redis://localhost:6379/1"),
    }
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.Argon2PasswordHasher"]
PASSWORD_RESET_TIMEOUT = 3600
SESSION_COOKIE_NAME = "meridian_session"
CSRF_HEADER_NAME = "HTTP_X_CSRFTOKEN"

EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = "smtp.sendgrid.net"
EMAIL_HOST_USER = "apikey"
EMAIL_HOST_PASSWORD = "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"

FIELD_ENCRYPTION_KEY = os.environ["FIELD_ENCRYPTION_KEY"]
SIMPLE_JWT = {
    "ALGORITHM": "HS512",
    "SIGNING_KEY": "wSGibKsunrmDQOb/BAthz4HHD95FmPi502cwwA2xisTkrLXevlDEMU8qZNMb+TgQ",
    "AUTH_HEADER_TYPES": ("Bearer",),
    "ACCESS_TOKEN_LIFETIME_MINUTES": 15,
}

SENTRY_DSN = "https://67638b210bf69539b377af68de0832bd@o450123.ingest.sentry.io/5512345"
STATIC_ROOT = BASE_DIR / "staticfiles"
