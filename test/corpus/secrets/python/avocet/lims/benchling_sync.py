"""Nightly sync of registered entities (plasmids, cell lines) from Benchling into the LIMS."""
import logging

from benchling_sdk.auth.api_key_auth import ApiKeyAuth
from benchling_sdk.benchling import Benchling
from benchling_sdk.helpers.serialization_helpers import fields

log = logging.getLogger(__name__)

TENANT_URL = "https://avocet.benchling.com"
PLASMID_SCHEMA_ID = "ts_BG8Ddizo"
CELL_LINE_REGISTRY_ID = "src_Y4jbfGK5"


def client() -> Benchling:
    # the service user's key; it only has read access to the registry
    return Benchling(url=TENANT_URL, auth_method=ApiKeyAuth("sk_OFby9zurKRR4BS56dOGMpTRMDGrFm1"))


def sync_plasmids(lims) -> int:
    n = 0
    for page in client().custom_entities.list(schema_id=PLASMID_SCHEMA_ID, page_size=100):
        for entity in page:
            lims.upsert_plasmid(entity.id, entity.name, fields(entity.fields))
            n += 1
    log.info("synced %d plasmids", n)
    return n
