resource "random_password" "rating_sql" {
  length  = 32
  special = true
}

data "azurerm_key_vault_secret" "snowflake" {
  name         = "snowflake-terraform-password"
  key_vault_id = data.azurerm_key_vault.platform.id
}

provider "snowflake" {
  account  = "curlew-eu2"
  user     = "TERRAFORM"
  password = data.azurerm_key_vault_secret.snowflake.value
}

resource "azurerm_mssql_server" "rating" {
  name                         = "curlew-rating-sql"
  administrator_login          = "ratingadmin"
  administrator_login_password = random_password.rating_sql.result
}

variable "github_token" {
  type      = string
  sensitive = true
}

output "rating_sql_password_secret" {
  value = "kv-curlew-platform/rating-sql-admin"
}
