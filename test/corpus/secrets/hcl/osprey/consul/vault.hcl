storage "raft" {
  path    = "/opt/vault/data"
  node_id = "vault-t3-1"
}

seal "transit" {
  address    = "https://vault.osprey.internal:8200"
  token      = "hvs.CAESItu1AKyhAuIxu5FtDRVkVXkICw8XtBQXyx5tJ4cbwVGH4SQR94Go5RxGnwBvrpD5Egf3-7E_1iIQ7S9Q6D-a2WS"
  key_name   = "consul-autounseal"
}
