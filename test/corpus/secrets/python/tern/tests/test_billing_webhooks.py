import hashlib
import hmac
import os
from unittest import mock

import pytest

from tern.billing.webhooks import verify_payment_webhook

SAMPLE_CREW_TOKEN = (
    "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJjcmV3LTIwNCIsImlzcyI6Imh0dHBzOi8vYXV0aC50ZXJuLWVuZXJneS5leGFtcGxlIiwiaWF0IjoxNzczMDQ4NzE0LCJleHAiOjE4MDQ1ODQ3MTR9.navM97J4Lu4IwUrx4zXldfKIGiLTxzgorJwMalcu5kk"
)
# An unsigned token the verifier must reject.
UNSIGNED_TOKEN = "eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJzdWIiOiJkZW1vLW1ldGVyIiwic2NvcGUiOiJyZWFkOnVzYWdlIn0."
EXPECTED_BODY_DIGEST = "90abd9595c314ac9ec86f8e6791c8b456f75ee5d5dd0fc989e599b351fb8b024"
STORED_PORTAL_PASSWORD_HASH = "$argon2id$v=19$m=65536,t=3,p=4$sHA6IjijjBCpTRDiOGDDYQ$9aNvQWPmEuVsCxVS4m5+2Xm8CyJ5m1tCAvrjviVY6zk"


@mock.patch.dict(os.environ, {"BILLING_WEBHOOK_SECRET": "f098180025130b6cc994309439fa6c04035fa2b4638db460"})
def test_valid_signature_is_accepted():
    body = b'{"invoice":"INV-2031-0042","status":"paid"}'
    sig = hmac.new(os.environ["BILLING_WEBHOOK_SECRET"].encode(), body, hashlib.sha256).hexdigest()
    assert verify_payment_webhook(body, sig)


def test_missing_secret_fails_closed(monkeypatch):
    monkeypatch.delenv("BILLING_WEBHOOK_SECRET", raising=False)
    with pytest.raises(RuntimeError):
        verify_payment_webhook(b"{}", "00")
