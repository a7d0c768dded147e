quarry_region        = "eu-west-1"
quarry_client_secret = "ky1ixvrvSYfg33jVEsI08WC3SK5ffjLGPDGH"
quarry_secret_arn    = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:quarry-dispatch-AbCdEf"
