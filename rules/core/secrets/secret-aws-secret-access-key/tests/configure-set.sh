#!/bin/sh
# `aws configure set` takes the value after a blank.
# expect: secret-aws-secret-access-key@41-81
aws configure set aws_secret_access_key Z3Mi6qUFipXByLfk0GImO8c9Og2kpzD9OoIkHbAL --profile tugboat-ci
# expect-not: secret-aws-secret-access-key
aws configure set aws_secret_access_key "$AWS_SECRET_ACCESS_KEY" --profile tugboat-ci
