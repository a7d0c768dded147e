variable "grafana_auth" {
  description = "Service account token for the Grafana provider"
  type        = string
  sensitive   = true
  default     = "glsa_yAhmM8vNSYcwzmp5eq1X1Dfa4YaerBLF_891ca752"
}

variable "digitalocean_token" {
  type      = string
  sensitive = true
}

variable "pulumi_backend" {
  type = object({ url = string, token = string })
  default = {
    url   = "https://api.pulumi.com"
    token = "pul-2b2d79b490d4a723942f45c0f948001f62fcc7b8"
  }
}

variable "token_rotation_days" {
  type    = number
  default = 30
}
