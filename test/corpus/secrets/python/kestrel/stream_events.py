from confluent_kafka import Consumer, Producer
import boto3

CONF = {
    "bootstrap.servers": "pkc-41wq6.eu-west-2.aws.confluent.cloud:9092",
    "security.protocol": "SASL_SSL",
    "sasl.mechanisms": "PLAIN",
    "sasl.username": "5XQ2R7MBN4K6TWZP",
    "sasl.password": "+KecfG4fdMSZCvqYhHRze/5rDBAJ9AW5yB2VfX+4yrAuN9YSaCfaxKymchHyEPoX",
    "group.id": "playback-events",
}

consumer = Consumer(CONF)
producer = Producer({**CONF, "client.id": "playback-enricher"})

kinesis = boto3.client(
    "kinesis",
    region_name="eu-west-1",
    aws_access_key_id="AKIA5MH5KGIIGZWUTUU4",
    aws_secret_access_key="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",
)

def enrich(msg):
    return {"device": msg.key().decode(), "payload": msg.value().decode()}
