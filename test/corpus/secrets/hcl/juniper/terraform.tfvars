region               = "eu-central-1"
cloudflare_api_token = "u4QsGREFz0vvqfiFDszxCx08F29FnLFvUQYZO5vP"
pulumi_access_token  = "pul-3721137ef9aaba9d6c1c1ee1bf25191595a1157b"
ssh_key_fingerprint  = "SHA256:nThbg6kXUpJWGl7E1IGOCspRomTxdCARLviKw6E5SY8"
