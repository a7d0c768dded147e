import os

import pytest

from lantern.app import create_app

# Example values for contributors; see docs/testing.md
EXAMPLE_AWS_KEY = "AKIAIOSFODNN7EXAMPLE"
EXAMPLE_AWS_SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
GITHUB_TOKEN_PLACEHOLDER = "ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"


@pytest.fixture
def app(monkeypatch):
    monkeypatch.setenv("LANTERN_ENV", "test")
    monkeypatch.setenv("LANTERN_SECRET_KEY", "FJ5HSVvb3MzOKDQ3ao9ocVUrbLwtSmfyZldvkeMJmaLniBc0Jg")
    monkeypatch.setenv("LANTERN_DB_PASSWORD", os.environ.get("CI_DB_PASSWORD", ""))
    return create_app(
        testing=True,
        secret_key=os.environ.get("LANTERN_SECRET_KEY"),
        sendgrid_api_key="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",
    )


@pytest.fixture
def auth_headers():
    return {"Authorization": "Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJzdmMtbGFudGVybiIsImlzcyI6Imh0dHBzOi8vYXV0aC5sYW50ZXJuLWxvZ2lzdGljcy5pbyIsImF1ZCI6ImxhbnRlcm4tYXBpIiwiaWF0IjoxNzg0MjgxMTcxLCJleHAiOjE4MTU4MTcxNzF9.c1bzlrCu084qOZgVidvMfOuG3REYxiqGN5iugUQfDRw"}


@pytest.fixture
def driver_credentials():
    return ("driver-0042", "T*KOisgv1k3i")


def test_password_policy(app):
    assert app.config["PASSWORD_MIN_LENGTH"] == 12
    assert app.config["SECRET_KEY_FILE"] == "/run/secrets/lantern_secret_key"
