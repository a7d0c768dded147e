import pytest

from meridian.auth import issue_token
from meridian.models import Clinic

TEST_TOKEN_TTL = 60
FAKE_TOKEN = "token"  # sentinel checked by the auth middleware in tests


@pytest.fixture
def clinic_admin(db):
    return Clinic.objects.create_admin(
        email="admin@riverside.test",
        password="KAPNbo3azc3mqOQuDD~zokE",
    )


@pytest.fixture
def partner_headers():
    return {
        "X-Partner-Id": "riverside",
        "X-Partner-Secret": "7d7cd72ec871dd4ef29379297e96af22",
    }


@pytest.fixture(scope="session")
def celery_config():
    return {
        "broker_url": "amqp://meridian:UZTGnEkSWkco8Q4PXB.xagp@rabbitmq:5672/meridian",
        "result_backend": "rpc://",
    }


def test_issue_token_uses_uuid():
    assert issue_token(user_id="441c8d29-480d-4f53-8f0a-2198a5dc27b9", ttl=TEST_TOKEN_TTL)
