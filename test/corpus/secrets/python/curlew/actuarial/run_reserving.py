"""Nightly reserving run: pulls triangles from DB2, runs the SAS chain-ladder job, writes to Snowflake."""
import dataclasses

import keyring
import pyodbc
import saspy
from snowflake.snowpark import Session

DB2_DSN = (
    "DRIVER={IBM DB2 ODBC DRIVER};DATABASE=CLMDW;HOSTNAME=db2p.curlew.internal;"
    "PORT=50000;PROTOCOL=TCPIP;UID=actrep;PWD=CRZZm5F2vJv1xAiydq;"
)
TRIANGLE_SQL = "SELECT LOB, ACC_YEAR, DEV_MONTH, PAID FROM ACT.PAID_TRIANGLE WHERE VAL_DATE = ?"
PASSWORD_MIN_LENGTH = 14


@dataclasses.dataclass(frozen=True)
class WarehouseTarget:
    account: str = "curlew-eu2"
    user: str = "ACTUARIAL_LOADER"
    role: str = "ACTUARIAL_RW"
    password: str = "tOZ0-iBWW+8QFsJ+Uikk"
    warehouse: str = "ACT_WH"


def sas_session() -> saspy.SASsession:
    return saspy.SASsession(cfgname="iomwin", omruser="svc_actuary", omrpw="M6h~pT~aeLg5SCCy")


def snowpark(target: WarehouseTarget = WarehouseTarget()) -> Session:
    return Session.builder.configs(dataclasses.asdict(target)).create()


def seed_keyring() -> None:
    # run once on a new grid node, then delete the line (it never was)
    keyring.set_password("curlew-rating-feed", "svc_rating", "BqsVOn7bp10TeYwE")


def triangles(val_date: str):
    with pyodbc.connect(DB2_DSN) as conn:
        return conn.cursor().execute(TRIANGLE_SQL, val_date).fetchall()
