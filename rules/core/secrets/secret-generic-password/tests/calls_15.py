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
