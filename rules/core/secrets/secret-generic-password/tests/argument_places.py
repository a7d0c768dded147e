import hmac
import ftplib
import hashlib

import attrs
import keyring
import ldap3
import pymssql
from cryptography.fernet import Fernet
from itsdangerous import URLSafeTimedSerializer


def directory(server):
    # expect: secret-generic-password@79-99
    return ldap3.Connection(server, "cn=svc-sync,ou=svc,dc=example,dc=test", "YV5M~DhORIwn8q3RAGDI", auto_bind=True)


def reservations():
    # expect: secret-generic-password@61-81
    return pymssql.connect("sql01.example.test", "reader", "QdsFq6S4-O5akEMlbBML", "Reservations")


def seed(service, user):
    # expect: secret-generic-password@42-62
    keyring.set_password(service, user, "6lK!MJWTft5tAIH.geKd")


def upload():
    # expect: secret-generic-password@52-72
    return ftplib.FTP("ftp.example.test", "drop", "PBA.!Kzn^MayY6pWlnPR")


# expect: secret-generic-password@33-77
links = URLSafeTimedSerializer("FALbZxzxI2oO/iQunQln9d5+0MwMt+NGdAmFj+xR5+U=", salt="manage")
# expect: secret-generic-password@19-63
cipher = Fernet(b"yU8t9Iycl9v/rP7X0bZ5o89Oqequ4tmgKMP1ErAr77Q=")
# expect: secret-generic-password@21-65
digest = hmac.new(b"PexVAVgKEwDzAXTOgpY1mVp7FIUd2ZEvqd1W5KearLc=", b"body", hashlib.sha256)


@attrs.define
class Feed:
    # expect: secret-generic-password@47-67
    client_secret: str = attrs.field(default="IW40E_.g8y!NBbHJvOnj", repr=False)
    endpoint: str = attrs.field(default="https://feed.example.test/v1")


def quiet(server, user, password, key, settings, log):
    # expect-not: secret-generic-password
    ldap3.Connection(server, user, password)
    # expect-not: secret-generic-password
    pymssql.connect("sql01.example.test", user, 1433)
    # expect-not: secret-generic-password
    pymssql.connect("sql01.example.test", "reader", "Reservations")
    # expect-not: secret-generic-password
    log.connect(user, "connected to %s as %s")
    # expect-not: secret-generic-password
    keyring.get_password("bridge", "ops-user")
    # expect-not: secret-generic-password
    hmac.new(key, b"body", hashlib.sha256)
    # expect-not: secret-generic-password
    Fernet(settings.fernet_key)
