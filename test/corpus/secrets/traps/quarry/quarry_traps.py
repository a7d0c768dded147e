"""Nothing in this module is a secret."""
import hashlib
import os

API_KEY = os.environ["QUARRY_API_KEY"]
CLIENT_SECRET = os.environ.get("QUARRY_CLIENT_SECRET")
PASSWORD = os.getenv("QUARRY_PASSWORD", "")
TOKEN_HEADER = "Authorization"
SECRET_KEY_SETTING = "QUARRY_SECRET_KEY"
PASSWORD_FIELD = "password_confirmation"
DIGEST = hashlib.sha256(b"quarry").hexdigest()
KNOWN_DIGEST = "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae"
SESSION_ID = "3fa85f64-5717-4562-b3fc-2c963f66afa6"
PLACEHOLDER_TOKEN = "xxxxxxxxxxxxxxxxxxxxxxxx"
EXAMPLE_PASSWORD = "your_password_here"
_ = f"Token {os.environ['QUARRY_TOKEN']}"
