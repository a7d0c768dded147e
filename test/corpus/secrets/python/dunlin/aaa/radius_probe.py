"""Synthetic RADIUS probe: authenticates a canary subscriber against each AAA node every minute
and exports the result to Prometheus (job radius-probe)."""
import time

import pyrad.packet
from pyrad.client import Client
from pyrad.dictionary import Dictionary
from prometheus_client import Gauge, start_http_server

AAA_NODES = ["aaa1.core.dunlin.net", "aaa2.core.dunlin.net"]
CANARY_USER = "canary@probe.dunlin.net"
SHARED_SECRET_MIN_LENGTH = 16  # policy from the NAS onboarding runbook

up = Gauge("radius_probe_up", "Access-Accept received", ["node"])


def probe(node: str) -> bool:
    client = Client(server=node, secret=b"rcA54Rp+oEt_p-P-bT0v@zzi",
                    dict=Dictionary("/usr/share/freeradius/dictionary"))
    client.timeout = 3
    req = client.CreateAuthPacket(code=pyrad.packet.AccessRequest, User_Name=CANARY_USER)
    req["User-Password"] = req.PwCrypt("G+37WC_2p!Io4i")
    req["NAS-Identifier"] = "probe-01"
    reply = client.SendPacket(req)
    return reply.code == pyrad.packet.AccessAccept


if __name__ == "__main__":
    start_http_server(9812)
    while True:
        for node in AAA_NODES:
            up.labels(node).set(1 if probe(node) else 0)
        time.sleep(60)
