import hashlib
import os

import pytest

FAKE_PASSWORD = "test-password"
DUMMY_TOKEN = "dummy-token"
EXAMPLE_KEY = "your-api-key-here"


@pytest.fixture
def admin_user():
    # bcrypt of "correct horse battery staple", used by the login tests
    return {"email": "ops@puffin-ferries.test", "password_hash": "$2b$12$y/KaFncfGxKLWL.ZsMbx9ENYfvfALyYV/mW5bs40UBctSTUQnGfGP"}


@pytest.fixture
def booking_ids():
    return ["2f532602-645b-405c-8ce3-a334b6dce4fc", "7384bfa3-fc2e-4801-b97f-0122a4d52eba"]


@pytest.fixture
def stripe_env(monkeypatch):
    monkeypatch.setenv("STRIPE_API_KEY", os.environ.get("CI_STRIPE_TEST_KEY", "sk_test_placeholder"))
    monkeypatch.setenv("PUFFIN_SESSION_SECRET", "x" * 32)


@pytest.fixture
def manifest_checksum():
    return "96a3c50dc94f751ccbca156f2d09240ab04db536fc0cf6f61f59add411d40e80"


@pytest.fixture
def partner_webhook_secret():
    return "whsec_test_dummy"


@pytest.fixture
def crew_portal_token():
    return "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJzdmMteWdjYmcwIiwiaXNzIjoiaHR0cHM6Ly9hdXRoLnB1ZmZpbi1mZXJyaWVzLnRlc3QiLCJhdWQiOiJib29raW5nLWFwaSIsImlhdCI6MTc5NjYyMTM2NiwiZXhwIjoxODI4MTU3MzY2LCJzY29wZSI6ImJvb2tpbmdzOnJlYWQgYm9va2luZ3M6d3JpdGUiLCJqdGkiOiIwOTJhOGIzMS1hM2E5LTQwNmEtYjNkOC1jNjkwNDFlNzRiZDcifQ._BcC7MJ2y6EceZoXQ9Ue6SG40Xp-mZp78xmLWMq6BUg"


def test_password_policy():
    assert hashlib.sha256(b"abc").hexdigest() != FAKE_PASSWORD
