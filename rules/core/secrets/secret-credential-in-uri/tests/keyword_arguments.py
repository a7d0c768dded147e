import redis

from app import settings

# expect-not: secret-credential-in-uri
cache = redis.Redis(host="cache.example.test", port=6380, ssl=True, password=settings.redis_password)
