variable "db_password" {
  description = "Password of the booking database (set in Terraform Cloud)"
  type        = string
  sensitive   = true
}

resource "random_password" "session_secret" {
  length  = 64
  special = false
}

resource "aws_secretsmanager_secret" "booking_db" {
  name = "puffin/booking-db"
}

resource "aws_secretsmanager_secret_version" "booking_db" {
  secret_id     = aws_secretsmanager_secret.booking_db.id
  secret_string = var.db_password
}

output "session_secret_arn" {
  value = aws_secretsmanager_secret.booking_db.arn
}

locals {
  session_secret = random_password.session_secret.result
  api_key_header = "X-Puffin-Key"
}
