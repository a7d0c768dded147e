from dagster import Definitions, EnvVar
from dagster_aws.s3 import S3Resource
from dagster_slack import SlackResource
from dagster_snowflake import SnowflakeResource

from .assets import berth_occupancy, vessel_calls

defs = Definitions(
    assets=[vessel_calls, berth_occupancy],
    resources={
        "snowflake": SnowflakeResource(
            account="osprey-eu_west",
            user="DAGSTER_SVC",
            password=EnvVar("SNOWFLAKE_PASSWORD"),
            warehouse="PORT_WH",
            database="PORT_ANALYTICS",
        ),
        "s3": S3Resource(
            region_name="eu-west-1",
            aws_access_key_id="AKIAE3HVRQLVUADITAXT",
            aws_secret_access_key="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",
        ),
        "slack": SlackResource(token="xoxb-384130791989-2157097240100-2eaBIQBrBlUcspa53zdgwvkI"),
        "slack_ops": SlackResource(token=EnvVar("SLACK_OPS_TOKEN")),
    },
)
