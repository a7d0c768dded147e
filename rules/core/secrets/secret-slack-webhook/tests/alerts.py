import requests

# expect: secret-slack-webhook@12-97
WEBHOOK = "https://hooks.slack.com/triggers/T0FAKE7QZ/5171572773297/Hs6Dj1Ge5aZq7R2mKx9TfW4bFAKE"


def alert(text: str) -> None:
    requests.post(WEBHOOK, json={"text": text}, timeout=5)
