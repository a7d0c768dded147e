"""Harbor dispatch helpers: nothing in this file is a credential."""
import getpass
import hashlib
import os
import uuid

import boto3

# Lookups and prompts
api_key = os.environ.get("HARBOR_API_KEY")
client_secret = os.getenv("HARBOR_CLIENT_SECRET", "")
db_password = getpass.getpass("Harbor DB password: ")
secret = boto3.client("secretsmanager").get_secret_value(SecretId="harbor/prod/dispatch")["SecretString"]
csrf_token = request.form["csrf_token"]

# Identifiers, digests and hashes
idempotency_key = str(uuid.uuid4())
api_key_id = "b992bf0c-c958-4ec7-a2c2-32db48354d39"
token_fingerprint = "8468543e003877d40f359cbe0aff44fc77ff006c0116c33d8f79d2f47654606d"
password_hash = "$argon2id$v=19$m=65536,t=3,p=4$a4iukbXD2ShOmsCAsdndGA==$pqJieEeKK2wPzVwFVaiClu3Ro9vYcK7yw34KHd7V1Zc="
manifest_digest = "sha256:5836a4403e60f09a21dd72e5fd8ed6549d8fe97a1370b9e856e052f58b0e7ad7"
commit_sha = "4a60bf654bc27566d50dc83e141fc1d2cd1d21a1"

# Names and settings about secrets
secret_name = "harbor-dispatch-db"
kms_key_id = "alias/harbor-dispatch"
key_pair_name = "harbor-deploy-2026"
ssh_key_path = "~/.ssh/id_ed25519"
token_url = "https://auth.harbor.example/oauth/token"
password_field = "password"
token_type = "Bearer"
session_cookie_name = "harbor_session"
secret_rotation_days = 30
PASSWORD_MIN_LENGTH = 12
API_KEY_HEADER = "X-Harbor-Api-Key"

# Placeholders
harbor_api_key = "your-harbor-api-key"
harbor_secret = "<harbor-secret>"
harbor_token = "REPLACE_WITH_TOKEN"
harbor_password = "changeme"

rows = sorted(os.listdir("."), key=str.lower)
cache_key = f"harbor:berth:{uuid.uuid4()}"
digest = hashlib.sha256(b"harbor").hexdigest()
