import redis

# Typed places from the pack's signature table: redis-py's fourth argument is the password.
# expect: secret-generic-password@53-81
CACHE = redis.Redis("cache.example.test", 6380, 2, "6uMRXVLdKjdLgr4hakO6M44PfEGJ", ssl=True)
# A pair written as a tuple, the key's name first.
# expect: secret-generic-password@65-93
HEADERS = [("Content-Type", "application/json"), ("X-Api-Key", "yCXg9x9e7JPJwrpk1zPpT3Iuejq7")]


# expect-not: secret-generic-password
FIELDS = [("OAUTH2_CLIENT_SECRET", "oauth2ClientSecret"), ("refresh_token", "oauth2.refresh-token")]


def load(settings):
    """Reads the settings.

    Returns the client.
    """
    # expect-not: secret-generic-password
    private_key_password = DEFAULT_PASSWORD
    return private_key_password


def quiet(settings, password):
    # expect-not: secret-generic-password
    redis.Redis("cache.example.test", 6380, 2, password)
    # expect-not: secret-generic-password
    redis.Redis("cache.example.test", 6380, 2)
    # expect-not: secret-generic-password
    return [("X-Api-Key", settings.api_key)]
