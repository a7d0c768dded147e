"""Nightly pull of ad-server reports into the warehouse."""
import requests
from huggingface_hub import InferenceClient
from databricks import sql

REPORT_API = "https://reports.kestrel.tv/v2"
session = requests.Session()
session.headers.update({"X-Api-Key": "QxHaS8xNq4es7E6tt8PfJ8B0xBYYBxmz3rKB7OJi", "Accept": "application/json"})
session.auth = ("reporting", "h7UMJi^buEo8XdMP87iLsE")

classifier = InferenceClient(model="kestrel/brand-safety", token="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")

def warehouse():
    return sql.connect(
        server_hostname="adb-5123.7.azuredatabricks.net",
        http_path="/sql/1.0/warehouses/9f1c2b",
        access_token="dapia29303000c98bb1ebaeafeacb5e5df96",
    )

def notify(text: str) -> None:
    requests.post("https://hooks.slack.com/services/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", json={"text": text}, timeout=5)

def page_oncall(text: str) -> None:
    bot = "7298757439:AAeHNlfPdpFH6pccRpkH8rib4GQsjqvCmZt"
    requests.get(f"https://api.telegram.org/bot{bot}/sendMessage", params={"chat_id": -100884412, "text": text}, timeout=5)

def pull(day: str) -> list[dict]:
    r = session.get(f"{REPORT_API}/delivery", params={"day": day})
    r.raise_for_status()
    return r.json()["rows"]
