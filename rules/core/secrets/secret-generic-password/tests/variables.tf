# A variable's default is its value: the variable's name is the key.
variable "db_password" {
  type      = string
  sensitive = true
  # expect: secret-generic-password@16-36
  default   = "k5FcpSuLt7QiqBC3FAKE"
}

variable "api_token" {
  type = string
}

variable "token_ttl" {
  # expect-not: secret-generic-password
  default = "3600s"
}

variable "region" {
  # expect-not: secret-generic-password
  default = "FBQ2iOpQce2MRdwFFAKE"
}
