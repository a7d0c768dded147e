terraform {
  required_providers {
    datadog = { source = "DataDog/datadog" }
  }
}

provider "datadog" {
  app_key = var.datadog_app_key
}

provider "vault" {
  address = "https://vault.juniper-agri.example:8200"
  token   = "hvs.vtvJuNuUSfM0w4ZkvRjdgJfENKHVn805EG9ue2--Lh-k5Jlrj4R3CjYlVCGnXTGiyBcQK_2_fBRiNYXZrJBq1wZz9nj"
}

resource "aws_db_instance" "market" {
  identifier        = "market-prod"
  engine            = "postgres"
  username          = "market_admin"
  instance_class    = "db.t4g.medium"
  allocated_storage = 100
}

resource "kubernetes_secret" "telemetry" {
  metadata { name = "telemetry-db" }
  data = {
    url = "postgres://ingest:kUXBNPvABUjMXxGoJ4x5GD@tsdb.internal:5432/telemetry"
  }
}

module "alerts" {
  source = "./modules/alerts"
  environment = {
    SLACK_BOT_TOKEN = "xoxb-91666187782-1271466096178-Ps9rpfm8D6qOIwUY06ixJHiN"
    LOG_LEVEL       = "info"
  }
}

variable "signing_key" {
  type      = string
  sensitive = true
  default   = "EUcWenhWZ1mVGVgRhlzd+qL8ZRWzF2Lgcvt1RR17jJI="
}
