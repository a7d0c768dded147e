"""Admissions portal (apply.wren.edu): production settings."""
import environ

from .settings_base import *  # noqa: F401,F403

env = environ.Env()

DEBUG = False
ALLOWED_HOSTS = ["apply.wren.edu", "admissions-api.wren.internal"]

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "OPTIONS": {"service": "admissions", "passfile": "/etc/admissions/.pgpass"},
    }
}

CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": "rediss://:yttmBo.c85z0vK@admissions-cache.wren.internal:6380/2",
    }
}

EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = "smtp.office365.com"
EMAIL_HOST_USER = "admissions-noreply@wren.edu"
EMAIL_HOST_PASSWORD = env.str("EMAIL_HOST_PASSWORD", "P~F9JcXT72STSvCIT8")

# Applicant documents (transcripts, essays) go to the admissions bucket.
STORAGES = {
    "default": {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": "wren-admissions-documents",
            "access_key": "AKIADZ2IMRXOW4EOXYSS",
            "secret_key": "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",
            "region_name": "us-east-2",
        },
    },
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Slate posts application status webhooks signed with this key.
SLATE_WEBHOOK_HMAC_KEY = b"xzFLJuB0qdMM7WAkckBjO_2NCvwWjQZ1O082BuZxWx0"
SLATE_WEBHOOK_HEADER = "X-Slate-Signature"

SOCIAL_AUTH_SAML_SP_ENTITY_ID = "https://apply.wren.edu/saml/metadata/"
SOCIAL_AUTH_SAML_SP_PUBLIC_CERT = env("SAML_SP_PUBLIC_CERT", default="")
SOCIAL_AUTH_SAML_SP_PRIVATE_KEY = """-----BEGIN PRIVATE KEY-----
MIIEvgIBADANBgkqhkiG9w0BAQEFAASCBKgwggSkAgEAAoIBAQCvfD0gQE3E/V+t
6S000iu9bDvE/pRmNXARW4TFaGgNW8GGlHpli+5YMQrb5nM8b/R253R0GOC350KI
9oyEPd9oFo4yXZrccj12MHLrN8IOUbwKCfc5iPKxdNkfDXI4COQbhQ2To2/ehOcl
yFOYbVYj5hkeBUQH11PjQFMYccOg9+B+V2r1jtpt2Pjgp1JdNpevGwhrEa+NqZf6
/iQ/d2YhUXufy0WnW2k2YhOi+r9/Ky3nn7i02o1sd3FwyzDUI6alEOn22Qnhqu12
zdnu1OjBaUtW9LFedUzNauQMiqyEv90JUXU9BJVlX97pDXM6zFmTFypNAAaSInni
XnkEQ0/3AgMBAAECggEAFZRGg//EUHQD3wPsfjFWFZ4In4nav9LUbB3/7rKPEQ12
d9EsV+5kKc4mErJ8+zKdMj32EQy6HYM/qE4BK4XcQhV7+O+Pyon1yuHcT9Z0c4RT
hjyBfT688Vt4E5x4rjFRs5yh9cTETe2z6u5+cSEI1bNG5W0qV3iAJVLUpQ3gS5vb
CHTib/zv6z4mPVHc97kuUdM/014BjjuesfnoVgz/LwnY6e5A5qQ2A3qjCFQ1SNUh
Ak3KjkLBqM415emdoTIub6U0DI+csdoiNEycZ68nek7RGQ1+Ggk+UsCVuKepvi+D
x3Y6vui+Sc158Jrrj5aZ41msqyBTb+PLX9zuEGnuKQKBgQDz0FiVG5fq8f0FlLkB
g3vPADyDgT4yXYeDyZ/KMnoMYGb/iDE6RV3fE7uIPtWerr7/AHkfkajQpSaIahbc
QRrokNuurwIQ4BO5+IYyS12tZeWR/vD+14AtEhNtyqwBxKNrQJC4hLTnKrmAWSvZ
VdPrnWpKJfWf2N2rpiKhgGqhAwKBgQC4QZ0INEM9Xh/Rg8WVQVg+ybF0aEp0QRcn
XEPRRNK+zJrRW8QDKKZSZXcJ2gUe4AnHLJCzP0wKvt7ZVHt7+EcL+Vh4LtnSzx7O
p7VRzFSaIbksPp1oJZWoEgiCUhcButRuxGaUV2DkLoXZdgdFIJbs5aXCbRWQnagx
MkgKzkYQ/QKBgQDuja0Of4gd5hV173Uw6PArsoSC+uLbLq4YIR/KG6dVEsHURfI8
nIBjcxArF6e18i6InHLmk4NEWkKgeITTjpQAdzOq8CsqTcSfUm4jKaCHt0pula5A
+qO79ZKy+vlfZYGrv+mZ0KacBC6qSRVhOdv3Dfdgg1GXy/3gI9aAhIBP9wKBgGXJ
eWJK3MpN8O3hCYmGa6Vj7nAMHPVT7+KCicRVbMaSaQQ22XWVQyxJeRUsJ6ACy+QH
rngXA378KkeM8Bpv8W+f80uRNivK1435/6SMaEAtWQokHPinqqEKNUEo8CS4fRoj
zTctfg0P1klndmStuDJuOr/JWxxku8FRsZKmmPZRAoGBALevxIgScLacviO1kQFl
eeTLPfjardzBjoSltrYzQMAjRHLM6+MMDqJ4eMvWW0Ane78liIPMMVeYu0XCV+05
sDWAdRLW5KPrlKRIWdxQRWAE0n57vghwXI8YqNKzyRl5VVb7juliBKpjTJTSMwc6
4mSNuiIUl7JCgYbgoBFvN5X/
-----END PRIVATE KEY-----
"""

TURNSTILE_SITEKEY = "0x4AAAAAAAB3xLq9eWrenApply"
SENTRY_DSN = "https://eba0ab188e777d951cd4c6db22fe5de1@o4507.ingest.us.sentry.io/4507781"
