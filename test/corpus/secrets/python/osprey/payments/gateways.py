"""Payment gateways of the Osprey back office: port dues by card, direct debit for shipping lines."""
import os

import pyodbc
import gocardless_pro
import plaid
import stripe
from plaid.api import plaid_api

stripe.api_key = "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"
stripe.max_network_retries = 2

direct_debit = gocardless_pro.Client(
    access_token="live_IG2rGVpcVhSUOvDzw8h2iEqEk7EgOyjnt9dxWzhd",
    environment="live",
)

_plaid_config = plaid.Configuration(
    host=plaid.Environment.Production,
    api_key={
        "clientId": os.environ["PLAID_CLIENT_ID"],
        "secret": "6c6pjehoxyxjvo0b422a1flfuk6djl",
    },
)
bank_link = plaid_api.PlaidApi(plaid.ApiClient(_plaid_config))

# linked operating account of the Rotterdam shipping line (reconciliation job)
RECONCILIATION_ACCOUNT = {"institution": "ins_109508", "item": "access-production-d1ca268d-9788-4e97-a015-6b6c1a1693a5"}


def adyen_client():
    import Adyen

    adyen = Adyen.Adyen()
    adyen.client.xapikey = "AQEvzu1jhPLPdW9bwu71oFC/l/A+aZGxmvaQd0M/vFLCcOj0Y+9y00174YpwrMCMi+89r77aHhoUPrnLUJpNIoW07BCaNQMzHF5hmy6A-uynF7Y0oTnQIqb1YaExP"
    adyen.client.platform = "live"
    return adyen


def customs_ledger():
    # the customs broker's ledger is SQL Server, reached over ODBC
    return pyodbc.connect(
        "DRIVER={ODBC Driver 18 for SQL Server};SERVER=mssql.customs.example,1433;DATABASE=Ledger;"
        "UID=osprey_billing;PWD=72x8vlSmBuF99T-dF_7j;Encrypt=yes"
    )
