"""Pull CDR files from the switch vendors' SFTP drops into the mediation landing bucket."""
import os
import stat
from dataclasses import dataclass, field

import boto3
import paramiko


@dataclass
class Drop:
    host: str
    username: str
    remote_dir: str
    password: str = field(default="nLtMtx67Sr9JBb_cWIGtrq", repr=False)


DROPS = [
    Drop("sftp.voice-switch.dunlin.net", "cdr_ro", "/export/cdr"),
    Drop("mediation.partner-mvno.example", "dunlin", "/out", password=os.environ["MVNO_SFTP_PASSWORD"]),
]

LANDING = boto3.client(
    "s3",
    endpoint_url="https://s3.lake.dunlin.net",
    aws_access_key_id="AKIANKI65P3BSGJ6EIVL",
    aws_secret_access_key="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",
)


def pull(drop: Drop) -> int:
    transport = paramiko.Transport((drop.host, 22))
    transport.connect(username=drop.username, password=drop.password)
    sftp = paramiko.SFTPClient.from_transport(transport)
    n = 0
    for entry in sftp.listdir_attr(drop.remote_dir):
        if stat.S_ISREG(entry.st_mode) and entry.filename.endswith(".cdr.gz"):
            with sftp.open(f"{drop.remote_dir}/{entry.filename}") as fh:
                LANDING.upload_fileobj(fh, "cdr-landing", f"{drop.host}/{entry.filename}")
            n += 1
    transport.close()
    return n


def legacy_pull() -> None:
    # the old Ericsson drop still uses a key file with a passphrase
    key = paramiko.Ed25519Key.from_private_key_file(
        os.path.expanduser("~/.ssh/cdr_ed25519"),
        "zPqGYsxd=Ok8Khlbg329OYIDZb",
    )
    ssh = paramiko.SSHClient()
    ssh.connect("cdr.legacy-msc.dunlin.net", username="cdr", pkey=key)
