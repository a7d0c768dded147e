import pytest

from recs.app import create_app
from recs.settings import TestSettings

TEST_USER_PASSWORD_HASH = "$2b$12$JG2BNQLrgG4nFcAhDrjWKSG4nOz1wXaAgAnu1tjkvgRl9ApTkHlbz"
DEVICE_ID = "d2333a4d-f3a1-4671-a3b5-12278fc80c87"


@pytest.fixture
def settings():
    return TestSettings(
        jwt_secret="IAQfcItFpsf6oOBZ3pmftgjssZFhMvnl78cyO5fn",
        stripe_api_key="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",
    )


@pytest.fixture
def auth_headers():
    token = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ1c2VyLTQyIiwicm9sZXMiOlsiZWRpdG9yIl0sImlhdCI6MTc5NjU5NTg5MCwiZXhwIjoxODI4MTM1NDkwfQ.jn9KhsX6wQ5g5HYOu_8EUISpJHXBGDtUZ8vsYWIytzs"
    return {"Authorization": f"Bearer {token}"}


@pytest.fixture
def client(settings):
    app = create_app(settings)
    return app.test_client()
