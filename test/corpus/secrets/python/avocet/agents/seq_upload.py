"""Upload agent on the sequencing instrument PCs: pushes finished run folders to S3 and the partner SFTP."""
import pathlib
import time

import paramiko
import s3fs

RUN_ROOT = pathlib.Path(r"D:\Illumina\NovaSeqX\Runs")
COMPLETE_MARKER = "CopyComplete.txt"

fs = s3fs.S3FileSystem(
    key="AKIAM7FHU53QZPJBAA2O",
    secret="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",
    client_kwargs={"region_name": "eu-west-1"},
)


def push_to_partner(run_dir: pathlib.Path) -> None:
    transport = paramiko.Transport(("sftp.genomix-partners.com", 22))
    transport.connect(
        username="avocet_novaseq",
        password="9d43VjDB+M9etDl+5I",
    )
    sftp = paramiko.SFTPClient.from_transport(transport)
    try:
        for f in run_dir.glob("Analysis/*/Data/fastq/*.fastq.gz"):
            sftp.put(str(f), f"/inbound/avocet/{run_dir.name}/{f.name}")
    finally:
        sftp.close()
        transport.close()


def main() -> None:
    while True:
        for run in RUN_ROOT.iterdir():
            if (run / COMPLETE_MARKER).exists() and not (run / ".uploaded").exists():
                fs.put(str(run), f"avocet-raw-runs/{run.name}", recursive=True)
                push_to_partner(run)
                (run / ".uploaded").touch()
        time.sleep(300)
