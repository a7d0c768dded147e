import os


class LedgerSettings:
    def api_key(self) -> str:
        # expect: secret-generic-password@17-39
        return "Bqyt1T5AlQzhk7Q2bmXkth"

    def client_secret(self):
        # expect-not: secret-generic-password
        return os.environ["CLIENT_SECRET"]
