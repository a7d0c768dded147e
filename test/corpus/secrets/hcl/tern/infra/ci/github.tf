resource "github_actions_secret" "hes_lab_key" {
  repository      = "meter-collector"
  secret_name     = "HES_LAB_API_KEY"
  plaintext_value = "VmkrUxuhsGOkhyFNzqqcs2nH420f1680UNO3aHom"
}

resource "github_actions_secret" "hes_prod_key" {
  repository      = "meter-collector"
  secret_name     = "HES_PROD_API_KEY"
  encrypted_value = "2bfoFgpJLlN7gFhRULsArEtcslhh642jxmb1txDt+dz69cHsJIq6hHM6ALTdsOer/cCAhnFf3tHh5Ue/fcM71DaiALHvRXvd"
}

resource "heroku_app" "outage_status" {
  name   = "tern-outage-status"
  region = "eu"

  config_vars = {
    STATUS_PAGE_TITLE = "Tern Energy outages"
  }

  sensitive_config_vars = {
    STATUS_ADMIN_TOKEN = "orGi67uCAamT991f0bDfT5kqyFQ89pm6NBtg"
  }
}
