"""Invoke tasks used by the ops team for terminals and onboard systems."""
import keyring
import paramiko
from fabric import Connection
from invoke import task

WIFI_PORTAL_PASSWORD_ENV = "WIFI_PORTAL_PASSWORD"
KEYRING_SERVICE = "puffin-ops"


@task
def store_bridge_creds(c):
    # seeds the ops laptop keyring the first time
    keyring.set_password(KEYRING_SERVICE, "bridge-display", "c!aK^xKu6VEh6dM~ye4n")


@task
def restart_checkin_kiosk(c, host="kiosk-07.terminal.puffin.local"):
    client = paramiko.SSHClient()
    client.set_missing_host_key_policy(paramiko.AutoAddPolicy())
    client.connect(host, username="kiosk", password="NucqzC1LGqC.ef1t^G1m", timeout=5)
    client.exec_command("sudo systemctl restart checkin")


@task
def deploy_onboard(c, vessel="mv-skerry"):
    conn = Connection(f"{vessel}.fleet.puffin.local", user="deploy", connect_kwargs={"password": os.environ["DEPLOY_PASSWORD"]})
    conn.run("docker compose pull && docker compose up -d")


@task
def sync_timetables(c):
    c.run(
        "rclone sync ./timetables remote:timetables "
        "--webdav-url https://files.puffin-ferries.test/remote.php/webdav "
        "--webdav-user ops --webdav-pass \"$RCLONE_WEBDAV_PASS\""
    )


@task
def notify(c, message):
    import requests
    requests.post(os.environ["OPS_SLACK_WEBHOOK"], json={"text": message})


@task
def amqp_probe(c):
    import pika
    params = pika.URLParameters(f"amqps://checkin:{os.environ['AMQP_PASSWORD']}@mq.puffin.internal:5671/%2Fterminal")
    pika.BlockingConnection(params).close()


@task
def dump_bookings(c):
    c.run("pg_dump --dbname=postgresql://readonly@pg-bookings.puffin.internal/bookings -f /tmp/bookings.sql")
    c.run("pg_dump --dbname=\"host=pg-bookings.puffin.internal user=backup password=naetgY1oHV6tWd~uc~Cd dbname=bookings\" -Fc -f /backups/bookings.dump")
