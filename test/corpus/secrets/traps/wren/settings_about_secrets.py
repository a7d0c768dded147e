"""Security-related settings shared by the Django apps (admissions, giving, card office). No secrets here."""
from django.utils.translation import gettext_lazy as _

PASSWORD_MIN_LENGTH = 12
PASSWORD_RESET_TIMEOUT = 60 * 60 * 24
TOKEN_TTL_SECONDS = 3600
SECRET_ROTATION_DAYS = 90
API_KEY_HEADER = "X-Api-Key"
CARD_API_SIGNATURE_HEADER = "X-Card-Signature"
CANVAS_TOKEN_SECRET_NAME = "lms/canvas-admin-token"
DUO_SKEY_PATH = "/etc/duo/skey"
SESSION_COOKIE_NAME = "wren_sessionid"
CSRF_HEADER_NAME = "HTTP_X_CSRFTOKEN"
SECRET_KEY_FALLBACKS_SETTING = "SECRET_KEY_FALLBACKS"
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": PASSWORD_MIN_LENGTH}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
PASSWORD_HELP = _("Your password must contain at least 12 characters.")
TOKEN_EXPIRED_MESSAGE = _("Your session token has expired. Please sign in again.")
KIOSK_DEFAULT_TOKEN = ""
LDAP_BIND_PASSWORD_ENV = "LDAP_BIND_PASSWORD"
