datacenter = "tugboat-1"
# Consul's gossip key is named `encrypt`.
# expect: secret-generic-password@15-59
encrypt    = "VtksOqoZaxvy86nTnfvN7t09/9YvtdMTpz0hQKMk4BU="
# expect-not: secret-generic-password
encrypt_verify_incoming = true

acl {
  enabled = true
  # An ACL token is a UUID under a credential name.
  tokens {
    # expect: secret-generic-password@14-50
    agent = "84098e1f-eee2-47a8-9602-720b9e619f6e"
  }
}

# A UUID under a name that is an id stays quiet.
# expect-not: secret-generic-password
node_id = "15103189-03b6-414a-bc5e-b8457c32a86e"

job "relay" {
  group "relay" {
    task "relay" {
      template {
        destination = "secrets/relay.env"
        env         = true
        data        = <<EOH
# expect-not: secret-generic-password
RELAY_DB_PASSWORD={{ with secret "kv/data/relay" }}{{ .Data.data.password }}{{ end }}
# expect: secret-generic-password@15-55
RELAY_API_KEY=b52c86cc176f320fcbff4658d8ca109854eac574
EOH
      }
    }
  }
}
