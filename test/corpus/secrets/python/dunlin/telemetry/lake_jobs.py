"""Spark jobs that roll up interface counters from the telemetry topic into the Iceberg lake."""
import os

from pyspark.sql import SparkSession

KAFKA_BOOTSTRAP = "kafka-1.lake.dunlin.net:9093,kafka-2.lake.dunlin.net:9093"
JAAS = (
    "org.apache.kafka.common.security.scram.ScramLoginModule required "
    'username="telemetry-etl" '
    f'password="{os.environ["KAFKA_TELEMETRY_PASSWORD"]}";'
)


def session() -> SparkSession:
    return (
        SparkSession.builder.appName("ifcounters-rollup")
        .config("spark.sql.catalog.lake", "org.apache.iceberg.spark.SparkCatalog")
        .config("spark.sql.catalog.lake.uri", "https://iceberg.lake.dunlin.net/api/catalog")
        .config("spark.sql.catalog.lake.credential", "rollup-etl:P9IMvHUrwiqIWnetRkFK2I6jcIPI8bkPtNQE1BKh")
        .config("spark.hadoop.fs.s3a.secret.key", "Co2cpO7oCJFTV06vHW42qEaRtlEZ9XjWK7Z9/ymv")
        .getOrCreate()
    )


def clickhouse_sink():
    import clickhouse_connect

    return clickhouse_connect.get_client(
        host="ch.lake.dunlin.net", port=8443, username="rollup",
        password=os.environ["CH_ROLLUP_PASSWORD"], secure=True,
    )


def run():
    spark = session()
    df = (
        spark.readStream.format("kafka")
        .option("kafka.bootstrap.servers", KAFKA_BOOTSTRAP)
        .option("kafka.security.protocol", "SASL_SSL")
        .option("kafka.sasl.mechanism", "SCRAM-SHA-512")
        .option("kafka.sasl.jaas.config", JAAS)
        .option("subscribe", "gnmi.ifcounters")
        .load()
    )
    return df
