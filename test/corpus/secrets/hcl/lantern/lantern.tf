terraform {
  required_providers {
    aws      = { source = "hashicorp/aws", version = "~> 5.0" }
    vault    = { source = "hashicorp/vault", version = "~> 4.0" }
    gitlab   = { source = "gitlabhq/gitlab", version = "~> 17.0" }
    datadog  = { source = "DataDog/datadog" }
  }
}

provider "vault" {
  address = "https://vault.lantern.internal:8200"
  token   = "hvs.lHSGTa9goHdEOAoggEw8eTcI4zl0sZftlsOdnuBnrXtva78McIKXFHFrZ6E7qKwfQm_8SAzBuzLiG2_dsA1lOYOGIDw"
}

provider "gitlab" {
  token = var.gitlab_token
}

provider "datadog" {
  api_key = "50403df3c96ae7a1abccb773f6859ea5"
  app_key = var.datadog_app_key
}

variable "gitlab_token" {
  type      = string
  sensitive = true
}

variable "db_password" {
  type    = string
  default = "i9MbTRK+Kdhk9yrCX_hI"
}

resource "aws_db_instance" "dispatch" {
  identifier        = "lantern-dispatch"
  engine            = "postgres"
  instance_class    = "db.t4g.medium"
  username          = "dispatch"
  password          = var.db_password
  allocated_storage = 50
}

resource "aws_secretsmanager_secret_version" "partner" {
  secret_id     = aws_secretsmanager_secret.partner.id
  secret_string = jsonencode({ client_id = "northwind", client_secret = "KcvcKft7gBFx8jb5EnuraJzmMOxiQxB41inOr9wO" })
}

resource "gitlab_project_variable" "runner" {
  project = "lantern/dispatch"
  key     = "RUNNER_TOKEN"
  value   = "glrt-QxJyieOSIi8jibkeK1Sk"
  masked  = true
}

resource "aws_ssm_parameter" "mq" {
  name  = "/lantern/mq/url"
  type  = "SecureString"
  value = "amqps://dispatch:7X+6wlOtXhQ9wtqybP@mq.lantern.internal:5671"
}

locals {
  webhook_secret = "2b9ec9a6be32fe80b521d9a5ed143952ce7ba590f480a631"
  secret_arn     = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:lantern/partner-AbCdEf"
  ami_checksum   = "3f786850e387550fdab836ed7e6dc881de23001b"
}
