"""Puffin Ferries booking API (Starlette)."""
import os
from functools import partial

import asyncpg
import jwt as pyjwt
from itsdangerous import URLSafeTimedSerializer
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.sessions import SessionMiddleware

from .routes import routes

API_KEY_HEADER = "X-Puffin-Api-Key"
SESSION_COOKIE = "puffin_session"
TOKEN_TTL_SECONDS = 900
PASSWORD_MIN_LENGTH = 12

middleware = [
    Middleware(SessionMiddleware, secret_key="5Hrs19yuvTMzr6LENZxSknQEvFIaKeOusV5BbHle", session_cookie=SESSION_COOKIE),
]

app = Starlette(routes=routes, middleware=middleware)

# signed links in confirmation e-mails ("manage my booking")
booking_links = URLSafeTimedSerializer("wSfbQTsfvxWN5OLlIrpxf-TPN7wnGOVR7boCLmsNOZQ", salt="manage-booking")

create_pool = partial(
    asyncpg.create_pool,
    host="pg-bookings.puffin.internal",
    user="booking_api",
    password=os.environ["BOOKING_DB_PASSWORD"],
    database="bookings",
)

def issue_boarding_token(booking_ref: str) -> str:
    return pyjwt.encode({"ref": booking_ref}, settings.boarding_signing_key, algorithm="HS256")

# local fallbacks for the dev stack; real values come from the environment
os.environ.setdefault("PUFFIN_LOYALTY_API_KEY", "")
PAYMENT_GATEWAY_URL = os.environ.get("PAYMENT_GATEWAY_URL", "https://pay.puffin-ferries.test")
FERRY_FEED_TOKEN = os.environ["FERRY_FEED_TOKEN"]
REDIS_PASSWORD = os.getenv("REDIS_PASSWORD")
STATIC_ROOT = os.path.join(os.path.dirname(__file__), "static")
