import os
from google.cloud import secretmanager

DB_PASSWORD = os.environ["DB_PASSWORD"]
JWT_SECRET = os.getenv("JWT_SECRET")
API_TOKEN = secretmanager.SecretManagerServiceClient().access_secret_version(name="projects/juniper/secrets/api/versions/latest")
PASSWORD_RESET_TOKEN_TTL = 3600
AUTH_HEADER_NAME = "Authorization"
ADMIN_PASSWORD_HASH = "$2b$12$KIXQJ1rGgTq0aW7vJm1xUeQqZJ0p2w4mN3sYtQh8uVwXyZaBcDeFg"
DEVICE_ID = "7c9e6679-7425-40de-944b-e07fc1f90ae7"
BROKER_URL = "amqp://guest@rabbit.internal:5672//"
