variable "harbor_api_key" {
  type      = string
  sensitive = true
  default   = "id3SyhyRh4inBS6WHxGHwS3cpLbdmZlw"
}

variable "harbor_admin_password" {
  type      = string
  sensitive = true
}

resource "aws_db_instance" "harbor" {
  identifier                  = "harbor-dispatch"
  engine                      = "postgres"
  username                    = "harbor"
  password                    = "lCu3yEKdpl6yzg*rIDus"
  manage_master_user_password = false
}

provider "harbor" {
  url      = "https://harbor.example"
  username = "admin"
  password = var.harbor_admin_password
}

resource "kubernetes_secret" "harbor" {
  metadata {
    name = local.secret_name
  }
  data = {
    webhook_secret = "e85ea23bbb908e723e11af5ea59305f75d1505d5"
    api_key_header = "X-Harbor-Api-Key"
    api_token      = data.vault_generic_secret.harbor.data["token"]
  }
}

locals {
  secret_name = "harbor-dispatch"
  signing_key = "UONX3s7u+h2vm2naN9JPQ2I54HmxF+McwTWzFc1KoNVJ"
}

resource "random_password" "harbor_db" {
  length  = 32
  special = true
}
