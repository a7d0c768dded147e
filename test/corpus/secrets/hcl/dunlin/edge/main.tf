provider "grafana" {
  url  = "https://grafana.noc.dunlin.net"
  auth = "glsa_Ts4nJ2OpoTwIaJr07yH6GzNMvKi6o1k2_5d4de95a"
}

provider "pagerduty" {
  token = "u+tTQ6DwP3AWCW-2b-po"
}

provider "tfe" {
  hostname = "app.terraform.io"
  token    = "CTQ8hWOBcKH1gs.atlasv1.A8nFRNV2gb8hiBYXVWnBgsrCcOkP7bIpGVbserxKN6p66XyIToZ0iFddNeU3PXtj4s4"
}

variable "olt_admin" {
  type = object({ user = string, password = string })
  default = {
    user     = "noc-auto"
    password = "Dru+Fm9ZOkI2+ylJhgVM"
  }
}

resource "routeros_system_user" "backup" {
  name     = "oxidized"
  group    = "read"
  password = random_password.oxidized.result
}

resource "null_resource" "olt_bootstrap" {
  connection {
    type     = "ssh"
    host     = "olt1.lds1.net.dunlin.net"
    user     = var.olt_admin.user
    password = var.olt_admin.password
  }
  provisioner "remote-exec" {
    inline = ["configure terminal", "snmp-server enable traps"]
  }
}

resource "random_password" "oxidized" {
  length  = 20
  special = false
}

resource "random_password" "acs_ui" {
  length  = 24
  special = false
}

resource "tls_private_key" "acs" {
  algorithm   = "ECDSA"
  ecdsa_curve = "P256"
}
