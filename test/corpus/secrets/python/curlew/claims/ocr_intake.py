"""Claims intake: scanned first-notice-of-loss forms go through OCR, then into the claims queue."""
from __future__ import annotations

import logging
import os

import requests
from azure.ai.formrecognizer import DocumentAnalysisClient
from azure.core.credentials import AzureKeyCredential
from botocore.credentials import Credentials
from twilio.rest import Client as TwilioClient

log = logging.getLogger("curlew.claims.ocr")

FORM_RECOGNIZER_ENDPOINT = "https://curlew-claims-ocr.cognitiveservices.azure.com/"
ABBYY_URL = "https://cloud-eu.ocrsdk.com/v2/processImage"
TWILIO_ACCOUNT_SID = "AC15029fce82b8334f58d524d559c0331c"  # account id, shown in the console header
CLAIMS_QUEUE_SECRET_NAME = "claims-intake/ocr"
MAX_PAGES = 40


def form_client() -> DocumentAnalysisClient:
    return DocumentAnalysisClient(
        FORM_RECOGNIZER_ENDPOINT,
        AzureKeyCredential("e4aaf57feaec2d74e97fc0e5f5d0710c"),
    )


def abbyy_fallback(image: bytes) -> dict:
    # ABBYY is the fallback when Azure rejects a handwritten page
    resp = requests.post(
        ABBYY_URL,
        params={"language": "English", "exportFormat": "xml"},
        data=image,
        auth=("curlew-claims-ocr", "Ek^UeHOnxRcK4gyNwY9W"),
        timeout=60,
    )
    resp.raise_for_status()
    return resp.json()


def textract_credentials() -> Credentials:
    # the scanning room's old S3 bucket is still read by the nightly back-fill
    return Credentials(
        "AKIA6E2KVX6LV5QUYYM5",
        "L0/0PJn05Pr/lxlAICcQB+zHNH7R4z+6ow8xE2AZ",
    )


def sms_client() -> TwilioClient:
    return TwilioClient(TWILIO_ACCOUNT_SID, "2acec091ce19236e7dd86fdb787b772c")


def notify_adjuster(phone: str, claim_ref: str) -> None:
    sms_client().messages.create(to=phone, from_="+442071234567", body=f"New claim {claim_ref} assigned")


def queue_password() -> str:
    return os.environ["CLAIMS_QUEUE_PASSWORD"]
