variable "db_password" {
  type      = string
  sensitive = true
}

resource "random_password" "canvas_shell" {
  length  = 32
  special = true
}

data "vault_kv_secret_v2" "duo" {
  mount = "kv"
  name  = "identity/duo"
}

resource "aws_secretsmanager_secret_version" "sis" {
  secret_id     = aws_secretsmanager_secret.sis.id
  secret_string = jsonencode({ username = "sis_app", password = random_password.canvas_shell.result })
}

locals {
  duo_skey         = data.vault_kv_secret_v2.duo.data["skey"]
  database_url     = "postgresql://sis_app:${var.db_password}@sis-db.wren.internal:5432/sis"
  password_min_len = 12
}
