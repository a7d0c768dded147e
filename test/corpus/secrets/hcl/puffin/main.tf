terraform {
  required_providers {
    datadog    = { source = "DataDog/datadog" }
    cloudflare = { source = "cloudflare/cloudflare" }
    azurerm    = { source = "hashicorp/azurerm" }
    vault      = { source = "hashicorp/vault" }
  }
}

provider "datadog" {
  api_key = "d2b819d8a4955f71195773a19cc07bf6"
  app_key = "1f2e7944968382ee37afb4743f7d5ba5d99ffdbf"
  api_url = "https://api.datadoghq.eu/"
}

provider "cloudflare" {
  api_token = var.cloudflare_api_token
}

provider "vault" {
  address = "https://vault.puffin.internal:8200"
  token   = "hvs.CAESI1Pm1syUqPdYEmzcoS3MjXHtJh_YkrdF4Xk12X3GW04jAFJsGQEazmZsguUO0qWDw-4-QupWnDPZfIwORk-Toml"
}

resource "azurerm_postgresql_flexible_server" "bookings" {
  name                          = "puffin-bookings"
  resource_group_name           = azurerm_resource_group.booking.name
  location                      = "westeurope"
  administrator_login           = "pgadmin"
  administrator_password        = "oXAl0p3jWn!WD!WB8lh7"
  sku_name                      = "GP_Standard_D2s_v3"
}

resource "vault_kv_secret_v2" "partner_feeds" {
  mount = "puffin"
  name  = "partner-feeds"
  data_json = jsonencode({
    ferryhopper_key = "xKndNadlt5sUTXHEGVAPeJ9cq6hNbHUSwyWrWQ94"
    directferries   = var.directferries_key
  })
}

resource "aws_db_instance" "reporting" {
  identifier          = "puffin-reporting"
  engine              = "postgres"
  instance_class      = "db.t4g.medium"
  username            = "reporting"
  password            = random_password.reporting.result
  skip_final_snapshot = true
}

resource "random_password" "session" {
  length  = 48
  special = false
}

resource "aws_instance" "bastion" {
  ami           = "ami-0c1f3a8058fb9ae2d"
  instance_type = "t3.micro"
  user_data     = <<-EOT
    #!/bin/bash
    echo 'export BASTION_AUDIT_TOKEN=h9PUnUB8mKIxq4wfAE1aYWtOMsaYMFjc7WJ9LKXg' >> /etc/profile.d/audit.sh
  EOT
}

resource "datadog_synthetics_test" "booking" {
  name   = "booking health"
  type   = "api"
  status = "live"
  request_definition {
    method = "GET"
    url    = "https://booking.puffin-ferries.test/health"
  }
  request_basicauth {
    username = "synthetics"
    password = var.synthetics_password
  }
  request_headers = {
    "X-Api-Key-Header" = "X-Puffin-Key"
  }
}

variable "cloudflare_api_token" {
  type      = string
  sensitive = true
}

variable "directferries_key" {
  type      = string
  sensitive = true
}

locals {
  db_url = "postgres://reporting:gOAkX2-o-1dMy4Tgp_np@${aws_db_instance.reporting.address}:5432/reporting"
  kms_key_id = "2b049036-00ad-4c1e-8a5e-6d94326c3bc3"
  ami_digest = "c27ff0b5f8c3c26db7b17681ded0f9ec9e1920765e959ee6cf874077edbef61e"
}
