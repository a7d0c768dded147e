resource "vault_generic_secret" "ledger" {
  path = "secret/billing/ledger"
  data_json = jsonencode({
    api_key = "eBmtpJDvA567EF6It0QeLiVt"
    user    = "billing"
  })
}

resource "azurerm_key_vault_secret" "ledger" {
  name         = "ledger-api-key"
  value        = var.ledger_api_key
  key_vault_id = azurerm_key_vault.main.id
}

module "db" {
  source          = "./modules/db"
  master_password = "pvYTRWHks1Rb1F"
}
