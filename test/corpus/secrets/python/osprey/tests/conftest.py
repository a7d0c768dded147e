import pytest

from osprey.portal import create_app


@pytest.fixture
def app(monkeypatch):
    monkeypatch.setenv("OSPREY_WEBHOOK_SECRET", "k5EX1ZjGzOSKUvSH0Ii5lF46QsuokUIh")
    monkeypatch.setenv("OSPREY_ENV", "test")
    return create_app("osprey.portal.config.TestingConfig")


@pytest.fixture
def agent_token():
    # a shipping agent's portal token, signed for the staging issuer
    return "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJodHRwczovL2F1dGgub3NwcmV5LXBvcnQuY29tIiwic3ViIjoiYWdlbnQtNDQ3MSIsImF1ZCI6Im9zcHJleS1wb3J0YWwiLCJpYXQiOjE3OTUyNjkzNzEsImV4cCI6MTgyNjgwNTM3MSwianRpIjoiNjk3MTk5MTEtYWYwYS00ZTNjLWE5MDItOGJkOGQ1NDM0Y2I5Iiwicm9sZSI6InNoaXBwaW5nX2FnZW50In0._I9O0YdatvqkGCYDART5eB9DuJ9v4c_aYy4gcFzmo1Y"


@pytest.fixture
def notifier():
    from twilio.rest import Client
    from osprey.notify import Notifier

    return Notifier(Client("AC" + "0" * 32, "7facd7eba73e906aa051e69444cbccee"))
