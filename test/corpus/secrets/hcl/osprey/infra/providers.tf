terraform {
  required_providers {
    datadog    = { source = "DataDog/datadog", version = "~> 3.46" }
    github     = { source = "integrations/github", version = "~> 6.3" }
    postgresql = { source = "cyrilgdn/postgresql", version = "~> 1.23" }
  }
  backend "pg" {
    conn_str = "postgres://terraform:c_Z5U7PjksN_E8pYZdYPen@pg-tfstate.osprey.internal/tfstate?sslmode=require"
  }
}

provider "datadog" {
  api_key = "355bf98010ff0b93900c05e383f577d8"
  app_key = var.datadog_app_key
  api_url = "https://api.datadoghq.eu/"
}

provider "github" {
  owner = "osprey-port"
  token = "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"
}

provider "postgresql" {
  host     = "pg-billing.osprey.internal"
  username = "tf_admin"
  password = var.pg_admin_password
  sslmode  = "require"
}

resource "aws_db_instance" "berth_planner" {
  identifier        = "berth-planner"
  engine            = "mysql"
  instance_class    = "db.t4g.medium"
  allocated_storage = 50
  username          = "planner"
  manage_master_user_password = true
}
