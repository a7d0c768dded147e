"""Flask configuration for the Osprey customer portal (berth bookings, cargo status, invoices)."""
import os
from datetime import timedelta


class BaseConfig:
    SESSION_COOKIE_NAME = "osprey_portal"
    SESSION_COOKIE_SECURE = True
    PERMANENT_SESSION_LIFETIME = timedelta(hours=8)
    JWT_ACCESS_TOKEN_EXPIRES = timedelta(minutes=15)
    SECURITY_PASSWORD_LENGTH_MIN = 12
    MAIL_SERVER = "smtp.office365.com"
    MAIL_PORT = 587
    MAIL_USE_TLS = True
    MAIL_USERNAME = os.environ.get("MAIL_USERNAME", "portal@osprey-port.com")
    MAIL_PASSWORD = os.environ.get("MAIL_PASSWORD")


class ProductionConfig(BaseConfig):
    SECRET_KEY = os.environ.get("FLASK_SECRET_KEY") or "DP4U4VVs-qWwL9O0y5glEd!P1c-wd!pkdyCD4F_r"
    SQLALCHEMY_DATABASE_URI = "postgresql+psycopg://portal:kdwxUNH-x7Gi4qCAXSG8H90B@db.osprey.internal:5432/portal"
    SQLALCHEMY_ENGINE_OPTIONS = {"pool_pre_ping": True, "pool_size": 10}
    RATELIMIT_STORAGE_URI = "redis://:cwpVcqdCT6-mqAYh6guKl0SuIpBU@cache.osprey.internal:6379/3"


class TestingConfig(BaseConfig):
    TESTING = True
    SECRET_KEY = "test"
    SQLALCHEMY_DATABASE_URI = "sqlite:///:memory:"
    WTF_CSRF_ENABLED = False
