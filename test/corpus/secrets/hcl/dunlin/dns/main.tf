terraform {
  backend "pg" {
    conn_str    = "postgres://tf_state:JdFYzL-RtjkbYOimAonPQ8@tfstate-db.core.dunlin.net/terraform_backend?sslmode=require"
    schema_name = "dns"
  }
  required_providers {
    powerdns = { source = "pan-net/powerdns", version = "~> 1.5" }
    dns      = { source = "hashicorp/dns", version = "~> 3.4" }
    netbox   = { source = "e-breuninger/netbox", version = "~> 3.9" }
  }
}

provider "powerdns" {
  server_url = "https://pdns-api.core.dunlin.net"
  api_key    = "ayscj1ouILgGbpsHYkJ8gcXxmxBMAzWf"
}

provider "dns" {
  update {
    server        = "ns1.core.dunlin.net"
    key_name      = "terraform."
    key_algorithm = "hmac-sha256"
    key_secret    = "UzYU7g0X2GXOz7coBoTwslZDaTL4iE8pgpfn/dRO08A="
  }
}

provider "netbox" {
  server_url = "https://netbox.dunlin.net"
  api_token  = "74d68fb65517071616374c40a28358ee3d352722"
}

resource "powerdns_record" "acs" {
  zone    = "dunlin.net."
  name    = "acs.dunlin.net."
  type    = "A"
  ttl     = 300
  records = ["198.51.100.40"]
}

resource "vault_generic_secret" "kea_ddns" {
  path      = "netops/kea/ddns"
  data_json = <<EOT
{
  "tsig_name": "kea-ddns",
  "tsig_secret": "Cgpq2XPJFTEI1o8R5pvB8UlJ4qF3Dj84A/cipBJlaIg="
}
EOT
}
