import boto3
import paho.mqtt.client as mqtt
from confluent_kafka import Producer
from huggingface_hub import InferenceClient


def make_s3():
    # tractors upload CAN-bus dumps here; id comes from the instance profile in prod
    return boto3.client(
        "s3",
        region_name="eu-central-1",
        aws_access_key_id=os.environ["FIELD_AWS_KEY_ID"],
        aws_secret_access_key="VvJFSv19rQQQ8atCs/AsSbLPvNy6a4Q9MYeBgD17",
    )


def make_mqtt():
    client = mqtt.Client(client_id="ingest-bridge-01")
    client.username_pw_set("ingest-bridge", "qIveIIzQCZ1wZd2L56i4EO")
    client.tls_set(ca_certs="/etc/juniper/mqtt-ca.pem")
    return client


producer = Producer({
    "bootstrap.servers": "kafka-1.juniper-agri.example:9093",
    "security.protocol": "SASL_SSL",
    "sasl.mechanisms": "PLAIN",
    "sasl.username": "telemetry-writer",
    "sasl.password": "fXiakP9YkgSruxitSURySlVlE7SnOgYo",
})

yield_model = InferenceClient(model="juniper/yield-forecast-v3", token="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")

GH = {"headers": {"Authorization": "Bearer ghs_qgGsDXIsPHIvLWnqHtjsIHay31OUMk1R0Ra8"}}
