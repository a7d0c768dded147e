"""Contract tests for the campus card API client (door access and meal plans)."""
import os

import pytest
import responses
from duo_universal.client import Client as DuoClient

from cardaccess.client import CardApi

BASE = "https://cardapi.wren.internal/v2"


@pytest.fixture
def duo():
    return DuoClient(
        client_id="DIWJ8X6AEYOR5OMC6TQ1",
        client_secret="nVIjmNRhs0VHW2DVG7tWj1kMTMtniAdQE4ruD5vD",
        host="api-4c1e7f2a.duosecurity.com",
        redirect_uri="https://cardaccess.wren.edu/duo-callback",
    )


@pytest.mark.parametrize(
    "token",
    [
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJ3cmVuLWNhcmQtYXBpIiwic3ViIjoiZG9vci1jb250cm9sbGVyLTgxNiIsImF1ZCI6InNpcy1hcGkiLCJpYXQiOjE3OTU2NDYwMDgsImV4cCI6MTc5NTczMjQwOCwic2NvcGUiOiJnaWZ0czpyZWFkIn0.jQCfIg-WphXAVwOX6xJyMqQsuDEqaOFHVUYO-eREJTg",
    ],
)
@responses.activate
def test_unlock_door_sends_bearer(token):
    responses.add(responses.POST, f"{BASE}/doors/SCI-204/unlock", json={"ok": True})
    CardApi(BASE, token=token).unlock("SCI-204")
    assert responses.calls[0].request.headers["Authorization"] == f"Bearer {token}"


@responses.activate
def test_photo_moderation_uses_hf_inference():
    responses.add(responses.POST, "https://api-inference.huggingface.co/models/wren/id-photo-check", json=[])
    api = CardApi(BASE, token="unused", hf_headers={"Authorization": f"Bearer {os.environ['HF_TOKEN']}"})
    assert api.check_photo(b"\x89PNG") == []


def test_cbord_dsn_parses():
    dsn = "mssql+pyodbc://cbord_sync:rA1Z2TbxWQXa~PtNK@cbord-sql01.wren.internal:1433/CSGOLD?driver=ODBC+Driver+18+for+SQL+Server"
    assert CardApi.parse_dsn(dsn).host == "cbord-sql01.wren.internal"


def test_missing_token_is_rejected():
    with pytest.raises(ValueError):
        CardApi(BASE, token="")
