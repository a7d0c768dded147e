kms "aead" {
  purpose   = "worker-auth-storage"
  aead_type = "aes-gcm"
  # expect: secret-generic-password@16-60
  key       = "bjzGgekaAf/xoApQ7KW7O86G1X+zBuJq/lp5BZLkMY8="
  key_id    = "worker-auth-storage"
}

listener "tcp" {
  # expect-not: secret-generic-password
  key       = "/etc/boundary/tls.key"
}
