"""Quarry dispatch client settings."""
import os
import uuid
from pydantic import BaseModel, SecretStr

API_KEY_HEADER = "X-Quarry-Key"
QUARRY_API_KEY = os.getenv("QUARRY_API_KEY") or "uU5UxU2owkzJLmxZI1uxCyNLRaOi13bU"
REQUEST_NAMESPACE = uuid.UUID("6f1c2a4e-8d3b-4f5a-9c7e-2b1d0e3f4a5c")


class QuarrySettings(BaseModel):
    client_id: str = "quarry-dispatch"
    client_secret: SecretStr = SecretStr("P-7A-PWpHQC7aPSo2_HL5xMU3U89Oc8-o16I3YCrfiU")
    password_min_length: int = 14


class LegacyQuarry:
    auth_token = 'e921c20b10a669ce4ca3bc8e7dd5041e5d49535c'
    token_header = "X-Quarry-Token"


def quarry_session(session):
    session.headers.update({"X-Api-Key": "AJYY0OzlcnlsmIh4nY1f9Qw219HM5IWk"})
    session.auth = ("dispatch", "RhbWJWqs4WwID_npg9^9")
    return session


settings = {}
settings["SECRET_KEY"] = "cLOoxAYPKAk90FsWrAWEBy0-gRcYXR45y6EfSNGnuw4GYk5bSwhw_g"
settings["SECRET_KEY_FALLBACK"] = os.environ["QUARRY_OLD_SECRET_KEY"]
settings["PASSWORD_HASHERS"] = ["django.contrib.auth.hashers.Argon2PasswordHasher"]

ERRORS = {
    "invalid_token": "The token you entered is not valid",
    "password_expired": "Your password has expired",
}
