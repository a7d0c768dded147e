import os

from django.conf import settings
import hvac

SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
DB_PASSWORD = os.getenv("DB_PASSWORD")
OPENAI_API_KEY = os.environ.get("OPENAI_API_KEY", "")
STRIPE_KEY = settings.STRIPE_SECRET_KEY
API_KEY_HEADER = "X-Recs-Key"
PASSWORD_RESET_TIMEOUT = 3600
TOKEN_TYPE = "Bearer"
vault = hvac.Client(url="https://vault.kestrel.internal:8200", token=os.environ["VAULT_TOKEN"])
partner = vault.secrets.kv.v2.read_secret_version(path="ads/partner")["data"]["data"]["api_key"]
CELERY_BROKER_URL = f"amqp://transcode:{os.environ['RABBIT_PASSWORD']}@rabbitmq:5672/transcode"
CACHE_URL = "redis://redis-cache.kestrel.internal:6379/0"
