FROM python:3.12-slim
# Text rules run on every file, Dockerfiles included.
# expect: secret-aws-access-key@23-43
ENV AWS_ACCESS_KEY_ID=AKIAQ3ZL7W2XB5T4FAKE
# expect-not: secret-aws-access-key
ENV AWS_ACCESS_KEY_ID=${AWS_ACCESS_KEY_ID}
