import os

import boto3
from django.conf import settings

secrets = boto3.client("secretsmanager", region_name="eu-west-1")

BENCHLING_API_KEY = os.environ["BENCHLING_API_KEY"]
IRODS_PASSWORD = os.getenv("IRODS_PASSWORD")
LIMS_DB_PASSWORD = secrets.get_secret_value(SecretId="lims/db-password")["SecretString"]
SECRET_NAME = "lims/django-secret-key"
TOKEN_TTL_SECONDS = 900
PASSWORD_MIN_LENGTH = 14
API_KEY_HEADER = "X-LIMS-Api-Key"
SAMPLE_ID_PATTERN = r"^FR-\d{5}-[A-H](0[1-9]|1[0-2])$"
# sha256 of the current label-printer firmware, checked before flashing
FIRMWARE_SHA256 = "df8719d157ff1b733c8464462b1efeca04664b5a67903ffc3cfcc825761e6fcd"
# stored password of the seeded kiosk user (Django pbkdf2 hash, not the password)
KIOSK_PASSWORD_HASH = "pbkdf2_sha256$870000$qBTXOMtOH6CZWPVjtomISQ$AcgEQ11nwpE9RYPIUSdlCKpwKr0D6saFtNUxbmDWssM="
DEFAULT_PROJECT_ID = "72382a63-6dc6-4ac3-8c70-d7dbb056b317"
