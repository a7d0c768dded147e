import os

from omero.gateway import BlitzGateway
from benchling_sdk.auth.api_key_auth import ApiKeyAuth

# Batch 16 (learn16-calls): a session's constructor given a user then the literal.
# expect: secret-generic-password@36-52
conn = BlitzGateway("svc_loader", "kQ7~mMzqT7xa_kQ2", host="omero.example.test", port=4064)

# A type named for the key it holds, its only argument.
# expect: secret-generic-password@20-55
auth = ApiKeyAuth("sk_W4nEieo1C2IfZMkcL4BRhBjfNssSq8t1")

# A list named for keys of a secret kind, its first item on the line below the bracket.
FERNET_KEYS = [
    # expect: secret-generic-password@6-50
    "P7EmeFAt1speGM3FbNB_hBiZyl8i7XxrGVzrMlOI5J4=",
    os.environ.get("OLD_FERNET_KEY", ""),
]

# Tuple unpacking: each name takes the value at its own index.
# expect: secret-generic-password@33-51
user, password = "svc_loader", "pQQ96ga_FnWFarZ0.z"

# expect-not: secret-generic-password
env_conn = BlitzGateway("svc_loader", os.environ["OMERO_PASSWORD"], host="omero.example.test")
# expect-not: secret-generic-password
env_auth = ApiKeyAuth(os.environ["BENCHLING_API_KEY"])
# A flag's name and a digest: no session, no password.
# expect-not: secret-generic-password
digest = flags.get("manifest-sha", "01b74781fdb5be8fd38ca03b578f3b9a595471690160044a")
# A list of key ids, not of keys.
# expect-not: secret-generic-password
KEY_IDS = [
    "primary-2024",
]
