"""NetBox configuration for netbox.dunlin.net: every secret comes from the environment (systemd credentials)."""
import os
from pathlib import Path

ALLOWED_HOSTS = ["netbox.dunlin.net"]
DATABASE = {
    "NAME": "netbox",
    "USER": "netbox",
    "PASSWORD": os.environ["NETBOX_DB_PASSWORD"],
    "HOST": "netbox-db.core.dunlin.net",
}
REDIS = {
    "tasks": {"HOST": "localhost", "PORT": 6379, "PASSWORD": os.environ.get("REDIS_PASSWORD", ""), "DATABASE": 0},
    "caching": {"HOST": "localhost", "PORT": 6379, "PASSWORD": os.environ.get("REDIS_PASSWORD", ""), "DATABASE": 1},
}
SECRET_KEY = Path("/run/credentials/netbox.service/secret_key").read_text().strip()
API_TOKEN_PEPPERS = {1: os.environ["NETBOX_API_TOKEN_PEPPER"]}
LOGIN_TIMEOUT = 1209600
PASSWORD_VALIDATORS = [{"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 14}}]
REMOTE_AUTH_BACKEND = "social_core.backends.keycloak.KeycloakOAuth2"
SOCIAL_AUTH_KEYCLOAK_KEY = "netbox"
SOCIAL_AUTH_KEYCLOAK_SECRET = os.getenv("SOCIAL_AUTH_KEYCLOAK_SECRET")
SOCIAL_AUTH_KEYCLOAK_PUBLIC_KEY = "0Y9gi5JZcUQApg1G98aIY6MPho20+q90YfOxA2i4+5+I/S3EYZLPvM+4GNDrOOwAIa3exoJVLpkYj3119/XyRuld8UdXAYIRvtvbVmgKIivCxCA185J2ZNimPLgHZUunRsY/oKh0GbfMnLfKGrtDnzxPSOc7l5xP6KVJiW0sIdO7zWjWulzVca1dttjomUYffzAwm8DDqZ9ULtGnYOvbeJsK7o6U3x7Uo6zkSBXeFItLGTwWgODIOdj+wHPg1IaQUSghC+0ORhiwZ2wjgwdzp6boJ/kXpDsNcnYdKinRb3poz4llkZX23xEjVF7gCfYR5wqUtNKX4tqoqERSJT4ACj22dTBWteNmXVzjaZl2lxiGymLPhweYe46njaz0tSZUQX5GF2YX"
SOCIAL_AUTH_KEYCLOAK_ID_KEY = "email"
TOKEN_HEADER = "Authorization"
API_KEY_HEADER = "X-Api-Key"
SECRET_NAME = "netbox-secret-key"
COMMIT_SHA = "9b0ae927e188e767b9f281cec2c374f8774d5cfb"
