terraform {
  required_providers {
    aws     = { source = "hashicorp/aws", version = "~> 5.60" }
    datadog = { source = "DataDog/datadog", version = "~> 3.40" }
  }
}

locals {
  env            = "prod"
  db_username    = "scheduling_admin"
  db_password    = "IFHDeknEpPPe12E2vb-xyFF"
  secret_name    = "meridian/${local.env}/scheduling-db"
  password_rules = { length = 24, special = true }
}

provider "datadog" {
  api_key = "6f0f6ec5fc98320c921ceee592ad7fc1"
  app_key = "95cb81a55ccc36e103517ee70ff30a0c554f645d"
  api_url = "https://api.datadoghq.eu/"
}

resource "aws_db_instance" "scheduling" {
  identifier          = "scheduling-${local.env}"
  engine              = "postgres"
  instance_class      = "db.r6g.large"
  username            = local.db_username
  password            = local.db_password
  skip_final_snapshot = false
}

resource "aws_secretsmanager_secret" "db" {
  name = local.secret_name
}

resource "random_password" "reporting" {
  length  = local.password_rules.length
  special = local.password_rules.special
}

module "reminders_lambda" {
  source        = "./modules/lambda"
  function_name = "reminders-${local.env}"
  environment = {
    TWILIO_AUTH_TOKEN = "8cacfa46f1642fa0dedb5da0f22922bb"
    TWILIO_FROM       = "+441234567890"
    DB_SECRET_ARN     = aws_secretsmanager_secret.db.arn
  }
}
