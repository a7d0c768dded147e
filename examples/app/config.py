"""Settings for the example shop service.

Deliberately unsafe example for the Bulwark quick start: the credentials below are fake
(they only look real), and settings.py shows the safe way to do the same.
"""

AWS_REGION = "eu-west-1"
AWS_ACCESS_KEY_ID = "AKIAQ3ZT7XKR4WFAKE42"
AWS_SECRET_ACCESS_KEY = "bulwarkFAKEsecretKEY/q7Wz3kPz9RtLm2Xv8Nc"

DATABASE = {
    "host": "db.internal.example.com",
    "user": "shop",
    "password": "bulwark-demo-Pa55w0rd-not-real",
}

password = "s3rv1ce-Pa55-bulwark-fake"
