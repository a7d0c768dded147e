"""Dagster-free plain Python jobs for the Tern data platform: meter reads -> warehouse, forecasts."""
import os
from datetime import timedelta

import jwt
import replicate
from databricks import sql as dbsql
from huggingface_hub import snapshot_download
from influxdb_client import InfluxDBClient
from slack_bolt import App
from slack_bolt.adapter.socket_mode import SocketModeHandler
import redis

os.environ.setdefault("SNOWFLAKE_PASSWORD", "Hxo!^iYMB6k1X0*v-Zq7GD")
os.environ.setdefault("SNOWFLAKE_ROLE", "METER_LOADER")
os.environ.setdefault("SNOWFLAKE_PASSWORD_SECRET_ARN", "arn:aws:secretsmanager:eu-west-2:123456789012:secret:tern/snowflake-loader-Xy12Ab")
os.environ["AIRFLOW_CONN_AMI_WAREHOUSE"] = "postgresql://airflow:vRhUhC-3sEbpExnzFEfS_R@warehouse.tern.internal:5432/ami"
os.environ.update(LANGCHAIN_TRACING_V2="true", LANGCHAIN_API_KEY="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")

SNOWFLAKE_URL = "snowflake://etl_loader:6qozx8UMDlv0RR8ITNy5@tern-eu.west-europe.azure/ANALYTICS/RAW?warehouse=LOAD_WH"
FORECAST_CACHE = redis.from_url("rediss://default:G7rgFPqHJzzPapTEdwLvN4GR7i@forecast-cache.tern.internal:6380/0")

LLM_SETTINGS = {
    "provider": "groq",
    "model": "llama-3.3-70b-versatile",
    "credential": "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",
    "timeout": 30,
}

influx = InfluxDBClient(
    url="https://influx.scada.tern.internal:8086",
    token="jTkhs2JJExudICE7o06EGBA2qYaWyvOUe7yuXsWO3H34NjWz/9IA6TzrIScWVgxVnnZlqxuIpxwoKqn4aAJNlg==",
    org="tern-grid",
)

slack_app = App(token=os.environ["SLACK_BOT_TOKEN"])


def start_outage_bot():
    SocketModeHandler(slack_app, "xapp-1-AADV7LMYZ4J-9967753796304-f9ea708045ebb3bb6f31339f6820001d60f70f94d2fc35b72d45ab37feab1321").start()


def warehouse_cursor():
    return dbsql.connect(
        server_hostname="adb-5528741193402281.1.azuredatabricks.net",
        http_path="/sql/1.0/warehouses/4b9c2e1d7f3a0a61",
        access_token="dapid1b2a5f7a0671ef223030ead6abdb1b8",
    ).cursor()


def load_load_forecaster():
    return snapshot_download(repo_id="tern-energy/load-forecast-tft", token="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")


def run_anomaly_model(series):
    client = replicate.Client(api_token="r8_eLzQkwzIB12vZSkC0FUI2aajRhVkIFVDiZT8U")
    return client.run("tern-energy/meter-anomaly:9a1f", input={"series": series})


def crew_dispatch_token(crew_id: str) -> str:
    claims = {"sub": crew_id, "scope": "workorders:read", "exp": timedelta(hours=12)}
    return jwt.encode(claims, "n2Nv6Mr7yRyE!nU7YN4bmCd*QD30xHYua0Ej994r", algorithm="HS256")
