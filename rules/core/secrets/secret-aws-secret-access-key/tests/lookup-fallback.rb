# A secret access key as the literal fallback of an environment lookup.
Aws::S3::Client.new(
  region: 'eu-west-1',
# expect: secret-aws-secret-access-key@58-98
  secret_access_key: ENV.fetch('AWS_SECRET_ACCESS_KEY', 'Yc4Lm8Np3Bs6Hd1Gj5Wr7Kq2ZfT9wXv4/Tq2+k9P'),
)
Aws::SQS::Client.new(
  # expect-not: secret-aws-secret-access-key
  secret_access_key: ENV.fetch('AWS_SECRET_ACCESS_KEY'),
)
