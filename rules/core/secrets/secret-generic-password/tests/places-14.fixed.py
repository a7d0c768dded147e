import os
import base64
from collections import namedtuple

import canvasapi
import pytest
from globus_sdk import ConfidentialAppAuthClient

# Credential tuples by position, whatever the call: the secret after a URL, after an id, before a user.
CANVAS_URL = "https://canvas.example.test"
# expect: secret-generic-password@40-72
canvas = canvasapi.Canvas(CANVAS_URL, "sRa5NHdagnC91hGvLOYL4cqQXxLMmRMG")
# expect: secret-generic-password@79-123
transfer = ConfidentialAppAuthClient("0b6f9a52-3c1e-4d7a-9f2b-5e8c1a7d3b40", "KuJKPXTbFa+OPXgxy33/1MRBZIcsnvmjvDYMz/08UWA=")
# expect: secret-generic-password@32-64
session = video.session.start("88247e48c2a820f4b706af5a55a84e66", "sync@example.test", 2, PARTNER_ID)
# A decoding wrapper is transparent, its literal on the next line too.
c.Hub.cookie_secret = bytes.fromhex(
    # expect: secret-generic-password@6-70
    os.environ["COOKIE_SECRET"]
)
# A name declared in the file for the position: a named tuple's field, a parametrize name.
Partner = namedtuple("Partner", "symbol shared_secret")
# expect: secret-generic-password@27-59
STATE = Partner("NORTH", "vpZfWGyMPJj0d1CIQhpIo0pBuDgqqJ8A")


@pytest.mark.parametrize("door,reader_key", [
    # expect: secret-generic-password@18-50
    ("SCI-204", "89f29098dd5a124e38dbed413a686a2a"),
])
def test_unlock(door, reader_key):
    assert door


# Neighbours that say nothing: a digest after an algorithm's name, a hash after a path, a name after a user.
# expect-not: secret-generic-password
check("sha256", "9f2c1b7a4e6d8053b1c2e3f4a5b6c7d8e9f00112233445566778899aabbccdd")
# expect-not: secret-generic-password
assert_digest("/srv/data/archive.tar", "5d41402abc4b2a76b9719d911017c592")
# expect-not: secret-generic-password
notify("ops@example.test", "Quarterly-Report-2024")
# expect-not: secret-generic-password
canvasapi.Canvas(CANVAS_URL, token)
# expect-not: secret-generic-password
Partner("NORTH", "north-partner-symbol")
# expect-not: secret-generic-password
encoded = base64.b64encode("payload for the partner")
