import pytest

from marketplace.payments import StripeGateway
from marketplace.signing import DocumentSigner


@pytest.fixture
def gateway():
    return StripeGateway(
        api_key="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",
        webhook_secret="whsec_isB2WnmbbHWlIPtD9JROJVzT408Z0ZOw",
    )


@pytest.fixture
def signer():
    return DocumentSigner(signing_key=bytes.fromhex("5288ee2ad9cde302ebc43e0b4bb8a0186173fd98fbe3f83b28072213f25f8578"))


@pytest.fixture
def dealer_token():
    return "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJzdmMtbWxsN3Jhc3oiLCJpc3MiOiJodHRwczovL2F1dGguanVuaXBlci1hZ3JpLmV4YW1wbGUiLCJhdWQiOiJmaWVsZGxpbmsiLCJpYXQiOjE3OTY2MDQ2OTMsImV4cCI6MTgyODE0MDY5MywianRpIjoiYmFmN2YyYmItZWFkMC00YjA1LTg3ZDItOWI0OTJlZTE2MzRlIn0.E40NxrpvL3eW4jPhPDDPYVHu4kMraZb1dlkSd17PXkg"


@pytest.fixture
def fake_password():
    return "hunter2"  # documented stand-in, not a credential


@pytest.fixture
def sample_digest():
    return "sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
