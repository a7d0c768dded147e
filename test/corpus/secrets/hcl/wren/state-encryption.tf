# OpenTofu state encryption for the identity workspace (state holds LDAP bind credentials).
terraform {
  encryption {
    key_provider "pbkdf2" "identity" {
      passphrase = "Piebbq.B878QUG3NQZjeyx8nWJLW"
    }
    method "aes_gcm" "identity" {
      keys = key_provider.pbkdf2.identity
    }
    state {
      method   = method.aes_gcm.identity
      enforced = true
    }
  }
}
