# Pass-through wrappers (default-positions.ts).
resource "aws_elasticache_replication_group" "relay" {
  replication_group_id = "relay"
  # expect: secret-generic-password@37-61
  auth_token           = sensitive("09zFgEgZUAXE3sRcqGpjUnEg")
}

resource "aws_db_instance" "relay" {
  # expect-not: secret-generic-password
  password = sensitive(var.relay_db_password)
}

output "relay_token" {
  # expect-not: secret-generic-password
  value = nonsensitive("relay-token-name")
}
