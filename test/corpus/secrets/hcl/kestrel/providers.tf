terraform {
  required_providers {
    fastly     = { source = "fastly/fastly", version = "~> 5.7" }
    cloudflare = { source = "cloudflare/cloudflare", version = "~> 4.30" }
    confluent  = { source = "confluentinc/confluent", version = "~> 1.80" }
  }
  cloud {
    organization = "kestrel"
    workspaces { name = "edge-prod" }
  }
}

provider "cloudflare" {
  api_token = "vNtNJj5ESazwn8f60CkxfZEF_9HlQOVVRDAIGLLq"
}

provider "confluent" {
  cloud_api_key    = "QX7NB2KM4RWT9ZLP"
  cloud_api_secret = var.confluent_cloud_api_secret
}

provider "github" {
  owner = "kestrel"
  token = "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"
}

resource "fastly_service_vcl" "player" {
  name = "player.kestrel.tv"
  logging_https {
    name   = "splunk"
    url    = "https://http-inputs-kestrel.splunkcloud.com/services/collector/event"
    header_name  = "Authorization"
    header_value = "Splunk 9de617e9-d012-4430-b837-711bfb94139d"
  }
}

resource "kubernetes_secret" "ad_exchange" {
  metadata { name = "ad-exchange" }
  data = {
    seat_token = var.seat_token
    pg_url     = "postgres://exchange:NjRbyoD5nrqrIP2qU1AgYS@pg.kestrel.internal/exchange"
  }
}
