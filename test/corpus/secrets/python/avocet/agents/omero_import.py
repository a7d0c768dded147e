"""Imports microscopy plates from the confocal PCs into OMERO and tags them with LIMS sample ids."""
import sys

from omero.gateway import BlitzGateway
from irods.session import iRODSSession

OMERO_HOST = "omero.avocet.bio"


def connect():
    conn = BlitzGateway("svc_importer", "N~OUhSEFAE410.+p", host=OMERO_HOST, port=4064, secure=True)
    if not conn.connect():
        sys.exit("OMERO login failed")
    return conn


def irods_session():
    return iRODSSession(
        host="irods.avocet.bio",
        port=1247,
        user="imaging",
        zone="avocetZone",
        password="AT8vwA10y-K2FdnIPZKX",
    )
