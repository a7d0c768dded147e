import hashlib
import uuid

# Hashes and digests: what a secret looks like once hashed is not the credential.
password_hash = "$2b$12$Zq8vW2rLx9KpT4mN7bHc3eQyU1oI5aS6dF8gJ0kL2zX4cV6bN8mQe"
token_sha256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
IMAGE_DIGEST = "sha256:4b825dc642cb6eb9a060e54bf8d69288fbee4904b1e4e4e4e4e4e4e4e4e4e4e4"
api_token_digest = "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

# UUIDs: identifiers, not secrets.
api_key_id = "0b7e3f5a-9c2d-4e61-8f3a-2d5c7b9e1a40"
client_token = "3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f"
SECRET_UUID = uuid.UUID("6fa459ea-ee8a-3ca4-894e-db77e160355e")

# Names, types and settings about secrets.
password_field = "password"
token_type = "bearer"
secret_name = "billing-db"
API_KEY_HEADER = "X-Api-Key"
password_min_length = 12
token_expiry = "15m"
secret_backend = "vault"
auth_token_env = "BILLING_AUTH_TOKEN"
PASSWORD_REGEX = r"^(?=.*[A-Z])(?=.*\d).{12,}$"

# Stand-ins from documentation.
password = "<your-password>"
api_key = "YOUR_API_KEY"
secret = "xxxxxxxxxxxxxxxx"
token = "changeme"
db_password = "${DB_PASSWORD}"

digest = hashlib.sha256(b"payload").hexdigest()
