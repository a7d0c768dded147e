# Data warehouse and BI: Snowflake, Tableau Cloud and the Azure landing zone for partner rating feeds.
terraform {
  required_providers {
    snowflake = { source = "Snowflake-Labs/snowflake", version = "~> 0.94" }
    azurerm   = { source = "hashicorp/azurerm", version = "~> 3.110" }
    github    = { source = "integrations/github", version = "~> 6.2" }
  }
}

provider "snowflake" {
  account  = "curlew-eu2"
  user     = "TERRAFORM"
  password = "rD6EA_-5ikolkP8Zd59F"
  role     = "SYSADMIN"
}

provider "github" {
  owner = "curlew-insurance"
  token = "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"
}

resource "azurerm_mssql_server" "rating" {
  name                         = "curlew-rating-sql"
  resource_group_name          = "rg-rating"
  location                     = "uksouth"
  version                      = "12.0"
  administrator_login          = "ratingadmin"
  administrator_login_password = "INuxqfg^76WjWEm1+.4s"
}

resource "azurerm_storage_account" "feeds" {
  name                     = "curlewratingfeeds"
  resource_group_name      = "rg-rating"
  location                 = "uksouth"
  account_tier             = "Standard"
  account_replication_type = "GRS"
}

locals {
  partner_feeds = {
    zurich = { host = "sftp.partner-zurich.example", user = "curlew", pass = "UPA7Ls35Vz29LVh-" }
    axa    = { host = "sftp.partner-axa.example", user = "curlew-broker", pass = var.axa_sftp_password }
  }
}

resource "azurerm_function_app_function" "rating_ingest" {
  name            = "rating-ingest"
  function_app_id = "/subscriptions/214430b3-737b-41c0-a76d-336aa8284f78/resourceGroups/rg-rating/providers/Microsoft.Web/sites/curlew-rating-fn"
  language        = "Python"
  config_json = jsonencode({
    bindings = [{ name = "blob", type = "blobTrigger", direction = "in", path = "feeds/{name}", connection = "FEEDS" }]
  })
  test_data = jsonencode({
    FEEDS = "DefaultEndpointsProtocol=https;AccountName=curlewratingfeeds;AccountKey=ia/C4Hx0YJMxRfyZ1sQpfBC5Tq0pomhFKBLqgQmXOOMQ6lKNwj7aHlAkETE7CfrN4I53aJQjiiSPeCWV25kE6g==;EndpointSuffix=core.windows.net"
  })
}

data "azurerm_client_config" "current" {}

locals {
  bi_admins_group_object_id = "dd675ba6-5cc0-499c-827d-88bca96ce051"
}

variable "axa_sftp_password" {
  type      = string
  sensitive = true
}

variable "tableau_pat_secret" {
  type      = string
  sensitive = true
  default   = "BiEqq1ksP59o5gcj4+bX5g==:loWKgQMXpSoaVCearum0DGMgMhcGue29"
}
