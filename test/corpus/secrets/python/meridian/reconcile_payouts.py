# %% [markdown]
# # Payout reconciliation (exploratory)
# Compares Stripe payouts with the ledger for the last closed month. Run cell by cell.

# %%
import getpass

import boto3
import pandas as pd
import sqlalchemy as sa
from huggingface_hub import login
from openai import OpenAI

# %%
engine = sa.create_engine(
    "mysql+pymysql://analyst:ABHA2Ycoau7YK5xEXf-RF1Y@ledger-ro.meridian.internal:3306/ledger"
)
payouts = pd.read_sql("select * from payouts where period = %(p)s", engine, params={"p": "2026-10"})

# %%
s3 = boto3.client(
    "s3",
    aws_access_key_id="AKIAVUGAEO3PV4IHXAVV",
    aws_secret_access_key="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",
    region_name="eu-west-1",
)

# %%
client = OpenAI(api_key="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")
login("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")

# %%
# Ask for the warehouse password instead of keeping it here.
warehouse_password = getpass.getpass("warehouse password: ")
model_sha = "0ab49f8d365965fcbe60333159ff78b12bb0f3fe0414a02e7f0a93b381d0bf88"
