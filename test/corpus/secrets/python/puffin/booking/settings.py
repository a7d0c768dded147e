from dataclasses import dataclass, field
from typing import NamedTuple

import attrs
from cryptography.fernet import Fernet
from pydantic_settings import BaseSettings


class Settings(BaseSettings):
    database_url: str = "postgresql+asyncpg://booking_api@localhost/bookings"
    loyalty_api_key: str = ""
    secret_key_rotation_days: int = 90
    jwt_algorithm: str = "HS256"

    model_config = {"env_prefix": "PUFFIN_", "env_file": ".env"}


settings = Settings()


class TicketPrinter(NamedTuple):
    host: str = "printer-dock3.puffin.local"
    port: int = 9100
    access_code: str = ""


@attrs.define
class FareFeedConfig:
    endpoint: str = "https://fares.partner-feed.test/v1"
    client_id: str = "puffin-ferries"
    client_secret: str = attrs.field(default="hcEEXLfM6cctctkSS1wZog1RHhJSQhRx2XVuEVedboAmJNUb", repr=False)


@dataclass(frozen=True)
class PortCheckin:
    terminal: str
    kiosk_pin_salt: str = field(default="")
    kiosk_id: str = field(default="54cc181b-e155-49e1-89e9-59535bd0efbb")


def manifest_cipher() -> Fernet:
    return Fernet(b"fxXoM52HnU7U-fFLyfBEhAoXTXjhxrYdbMY5XjdMR8s=")


class PassengerDocs:
    def __init__(self, bucket: str = "puffin-passenger-docs", api_token: str = None):
        self.bucket = bucket
        self.api_token = api_token


def build_uri() -> str:
    return "mysql+pymysql://fares:ZuE_1o70-13-1J4CYx60@fares-db.puffin.internal:3306/fares"
