"""Django settings for the Avocet LIMS (sample intake, freezer map, chain of custody)."""
from pathlib import Path
import os

import ldap
from django_auth_ldap.config import LDAPSearch

BASE_DIR = Path(__file__).resolve().parent.parent

SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
DEBUG = os.environ.get("LIMS_DEBUG") == "1"
ALLOWED_HOSTS = ["lims.avocet.bio", "lims-staging.avocet.bio"]

# Lab members sign in with their directory account; the bind account only searches.
AUTH_LDAP_SERVER_URI = "ldaps://dc01.corp.avocet.bio"
AUTH_LDAP_BIND_DN = "CN=svc-lims,OU=Service Accounts,DC=corp,DC=avocet,DC=bio"
AUTH_LDAP_BIND_PASSWORD = (
    "9jY9~J.K6OiKu.R5G2oM4i"
)
AUTH_LDAP_USER_SEARCH = LDAPSearch("OU=Lab,DC=corp,DC=avocet,DC=bio", ldap.SCOPE_SUBTREE, "(sAMAccountName=%(user)s)")

# django-fernet-fields encrypts donor identifiers at rest; rotate by prepending a new key.
FERNET_KEYS = [
    "CTzZy0kUFZ7giPUlACO3QxCkLII-TpybIiA2hv5nNC4=",
    os.environ.get("LIMS_FERNET_KEY_OLD", ""),
]

PASSWORD_HASHERS = ["django.contrib.auth.hashers.Argon2PasswordHasher"]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 14}},
]
SESSION_COOKIE_AGE = 60 * 60 * 8
CSRF_COOKIE_NAME = "lims_csrftoken"
API_KEY_HEADER = "HTTP_X_LIMS_API_KEY"

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "lims",
        "USER": "lims_app",
        "PASSWORD": os.environ.get("LIMS_DB_PASSWORD", ""),
        "HOST": "pg-lims.internal.avocet.bio",
        "OPTIONS": {"sslmode": "verify-full"},
    },
    "warehouse": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "freezer_history",
        "OPTIONS": {
            "service": "freezer_ro",
            "passfile": "/etc/lims/.pgpass",
        },
    },
}

STORAGES = {
    "default": {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": "avocet-lims-attachments",
            "access_key": "AKIAJGMGTNPQITM3NTFE",
            "secret_key": "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",
            "region_name": "eu-west-1",
        },
    }
}

# Label printers (Zebra, via PrintNode) for tube and plate barcodes.
PRINTNODE = dict(
    api_url="https://api.printnode.com",
    api_key="qgZxVl39kxXRd2hTJ2wnrC0TF9Bz3hwOS0rpstZ5Ntq",
    default_printer_id=73102944,
)

SENTRY_DSN = "https://34cfb75108438ff01854c4e91047485e@o412873.ingest.sentry.io/5539012"
