"""A clean file: the same settings as config.py, read from the environment at run time."""

import os

AWS_REGION = os.environ.get("AWS_REGION", "eu-west-1")

DATABASE = {
    "host": os.environ["DB_HOST"],
    "user": os.environ["DB_USER"],
    "password": os.environ["DB_PASSWORD"],
}
