terraform {
  required_providers {
    aws = { source = "hashicorp/aws", version = "~> 5.0" }
  }
}

resource "aws_ssm_parameter" "quarry_api_key" {
  name  = "/quarry/prod/api-key"
  type  = "SecureString"
  value = "EaSVHlTabvZQOU6AUDTORo2Kald4HjHV"
}

resource "aws_db_instance" "quarry" {
  identifier     = "quarry-dispatch"
  engine         = "postgres"
  username       = "dispatch"
  password       = "-JHx9pDzB6^e7qyhTFso"
  instance_class = "db.t4g.small"
}

module "quarry_webhook" {
  source         = "./modules/webhook"
  signing_secret = "667b79f75ccdf83d8d8268afdb71420d774d0ce2"
  secret_name    = "quarry/prod/webhook"
}

resource "random_password" "quarry_admin" {
  length  = 24
  special = true
}

locals {
  admin_password = random_password.quarry_admin.result
  api_key_header = "X-Quarry-Key"
}
