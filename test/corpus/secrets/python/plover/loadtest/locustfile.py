"""Load test for the live-ops API. Run: locust -f locustfile.py --host https://liveops-staging.plover.games"""
from locust import HttpUser, between, task

# A long-lived staging service token for the bot accounts (rotated monthly).
BOT_HEADERS = {
    "Authorization": "Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJsb2FkdGVzdC1ib3QiLCJhdWQiOiJwbG92ZXIiLCJpYXQiOjE3OTY2NTMwNDMsImV4cCI6MTgyODE4OTA0MywianRpIjoiMmM3MDkyMjgtNGRkNy00MTg0LWE1N2UtOTlkNDJmZWI1YmU3In0.c-txEf_Ruxg9sNkeqtPSJpsEkRxFvPCWh4gS7QPdpjg",
}
BUILD_SHA = "8f5cc2169e2b441bc6f54849cc9278be327822c9"
SESSION_ID_EXAMPLE = "edbaae13-385f-4eae-aec1-a2dec6d2c87b"


class Player(HttpUser):
    wait_time = between(1, 3)

    def on_start(self):
        self.client.post(
            "/v1/login",
            json={"username": "loadbot-001", "password": "L3Qh+7-IqHW_._Yy"},
        )

    @task
    def inventory(self):
        self.client.get("/v1/inventory", headers=BOT_HEADERS)
