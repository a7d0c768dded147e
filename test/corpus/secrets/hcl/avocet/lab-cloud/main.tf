terraform {
  required_providers {
    azurerm    = { source = "hashicorp/azurerm", version = "~> 4.10" }
    snowflake  = { source = "Snowflake-Labs/snowflake", version = "~> 0.99" }
    databricks = { source = "databricks/databricks", version = "~> 1.60" }
    grafana    = { source = "grafana/grafana", version = "~> 3.13" }
    vault      = { source = "hashicorp/vault", version = "~> 4.5" }
  }
}

provider "grafana" {
  url  = "https://grafana.avocet.bio"
  auth = "glsa_FsnQ0E5GWKDcoqi3irCRLfuyYguhp0H1_5d66311d"
}

resource "azurerm_linux_virtual_machine" "rstudio" {
  name                            = "rstudio-workbench-01"
  resource_group_name             = azurerm_resource_group.lab.name
  location                        = "westeurope"
  size                            = "Standard_E16s_v5"
  admin_username                  = "labadmin"
  admin_password                  = "G5Kzjw.uMDI7iO+IlKBBlW"
  disable_password_authentication = false
  network_interface_ids           = [azurerm_network_interface.rstudio.id]
}

resource "azurerm_key_vault_secret" "benchling" {
  name         = "benchling-api-key"
  value        = "sk_zLyInzZTfNxSaASngQ08kVkV7g0MwI"
  key_vault_id = azurerm_key_vault.lab.id
}

resource "random_password" "omero_root" {
  length  = 24
  special = true
}

resource "azurerm_container_group" "labelprint" {
  name                = "labelprint"
  location            = "westeurope"
  resource_group_name = azurerm_resource_group.lab.name
  os_type             = "Linux"
  container {
    name   = "labelprint"
    image  = "registry.avocet.bio/labelprint:1.8"
    cpu    = 0.5
    memory = 1
    secure_environment_variables = {
      DATABASE_URL = "postgres://labelprint:0FPjzDQOmRcQe6LB9ajh@pg-lims.internal.avocet.bio:5432/lims"
      OMERO_ROOT   = random_password.omero_root.result
    }
  }
}

resource "vault_generic_secret" "courier" {
  path = "secret/lims/courier"
  data_json = jsonencode({
    hmac_password    = "hpkaEAnUs9o54g-B25-9"
    sendgrid_api_key = "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"
  })
}
