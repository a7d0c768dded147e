import os

import psycopg2
import requests
from pymongo import MongoClient

DATABASE_URL = os.environ.get("DATABASE_URL", "postgres://harbor_app:hW1r_cI3qm7YzgwEmMEN@db.harbor.internal:5432/harbor")
mongo = MongoClient("mongodb+srv://dispatch:Lmo4_Npgoo3APsQTZ-~Lb50H@cluster0.harbor.mongodb.net/harbor?retryWrites=true")
conn = psycopg2.connect("host=db.harbor.internal port=5432 dbname=harbor user=harbor_app password=4mVGHHUhqC~f.~Jgkp")

# Traps: no password, or one read from the environment
REPLICA_URL = "postgres://harbor_ro@replica.harbor.internal:5432/harbor"
CACHE_URL = f"redis://:{os.environ['REDIS_PASSWORD']}@cache.harbor.internal:6379/0"
DOCS_URL = "mongodb://<username>:<password>@localhost:27017/harbor"

NOTION = {"workspace": "harbor-ops", "auth": "secret_8X4UFxCLca5UIWxOj1ei36Pypsavesde9WNqwqHclCk"}
session = requests.Session()
session.headers["X-Databricks-Auth"] = "Bearer dapi30b8d83f54af8216b42467952f2b0062"
mailgun = ("api", "key-8f08bc0f1009a7d32929aeec83ea7b20")
# old Mailchimp list key, revoked? 52d929b922bedec78d2a017fd66f7800-us21
AWS_DOC_EXAMPLE = "AKIAIOSFODNN7EXAMPLE"
