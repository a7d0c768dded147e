variable "historian_password" {
  type      = string
  sensitive = true
  default   = null
}

locals {
  # expect: secret-generic-password@58-78
  historian_password = coalesce(var.historian_password, "tHnSzR!CeyM723QnYbEm")
  # expect-not: secret-generic-password
  backup_password = coalesce(var.backup_password, var.historian_password)
}
