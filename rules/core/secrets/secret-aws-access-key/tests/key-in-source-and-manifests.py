import boto3

# expect: secret-aws-access-key@48-68
client = boto3.client("s3", aws_access_key_id="AKIAQ3ZL7W2XB5T4FAKE")

CONFIG = {
    # A key inside a JSON string, on a long line, after other text.
    # expect: secret-aws-access-key@42-62
    "env": '{"region":"eu-west-1","key":"AKIAR5T2ZK7QW3NXFAKE","other":"value"}',
}

# In a comment it is still committed:
# expect: secret-aws-access-key@11-31
# old key AKIAV4N7QZ2KX6TRFAKE rotated last week
