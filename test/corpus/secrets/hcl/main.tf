variable "db_password" {
  type      = string
  sensitive = true
}

resource "aws_db_instance" "billing" {
  identifier = "billing"
  username   = "billing"
  password   = "QTs9PudRyjSOTDABqGi6PzHcv"
}

resource "aws_db_instance" "reports" {
  identifier = "reports"
  username   = "reports"
  password   = var.db_password
}

resource "random_password" "cache" {
  length  = 32
  special = true
}

provider "datadog" {
  api_key = var.datadog_api_key
  app_key = "yiUSr27pRLsxa3b8x"
}

resource "kubernetes_secret" "api" {
  metadata {
    name = "billing-api"
  }
  data = {
    api_token = "2GargOJNkwY4tYcaD8ua4"
  }
}

output "cache_password" {
  value     = random_password.cache.result
  sensitive = true
}
