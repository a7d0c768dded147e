"""Settings for the recommendations API (FastAPI)."""
from functools import lru_cache

from pydantic import AnyUrl, Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", env_prefix="RECS_")

    environment: str = "dev"
    database_url: str = "postgresql+asyncpg://recs:JBA9N8nE_AVDA8Az.0g8Wu@localhost:5432/recs"
    jwt_secret: SecretStr = SecretStr("")
    jwt_algorithm: str = "HS256"
    access_token_expire_minutes: int = 30
    openai_api_key: str = Field(default="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", repr=False)
    vector_db_api_key: str = Field("gw3DvkqU32tAOIrGLkFf6EXy7jTs7vtpOui8", description="Qdrant cloud key")
    api_key_header: str = "X-Recs-Key"
    secret_name: str = "kestrel/recs/prod"
    sentry_dsn: AnyUrl | None = None


class TestSettings(Settings):
    database_url: str = "sqlite+aiosqlite:///:memory:"
    jwt_secret: SecretStr = SecretStr("not-used-in-tests")


@lru_cache
def get_settings() -> Settings:
    return Settings()
