import hashlib
import hmac
import os


def stretch(salt: bytes) -> bytes:
    # A key-derivation call's password; its salt is a named argument.
    # expect: secret-generic-password@29-51
    return hashlib.scrypt(b"AOZJGA1xn49bejG8b0gMOZ", salt=salt, n=16384, r=8, p=1)


def stretch_from_env(salt: bytes) -> bytes:
    # expect-not: secret-generic-password
    return hashlib.scrypt(os.environb[b"ARCHIVE_PASSPHRASE"], salt=b"example-archive-salt", n=16384, r=8, p=1)


def sign(body: bytes) -> str:
    # expect-not: secret-generic-password
    return hmac.new(key=os.environb[b"WEBHOOK_KEY"], msg=body, digestmod="sha256").hexdigest()


def sign_with(body: bytes) -> str:
    # A named argument's value is the HMAC's key.
    # expect: secret-generic-password@27-51
    return hmac.new(key=b"ixcfzUSmyC5DNfCEayuUrFbn", msg=body, digestmod="sha256").hexdigest()


def stretch_with(password: str) -> bytes:
    # A key derivation's literal salt after a variable password is no key.
    # expect-not: secret-generic-password
    return hashlib.pbkdf2_hmac("sha256", password.encode(), b"CfImQThz4JP9RtHaPz", 200_000)
