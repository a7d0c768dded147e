job "rating-feed-poller" {
  datacenters = ["dc-london"]
  type        = "service"

  group "poller" {
    task "poll" {
      driver = "docker"
      config {
        image = "registry.curlew-insurance.example/rating/feed-poller:1.8.0"
        args  = ["--interval", "300", "--db", "postgres://feeds:~BW5ukM1FAWpCO4Tm-@pg-rating.service.consul:5432/feeds"]
        auth {
          username = "nomad-pull"
          password = "ZbXRsk+mny.77FSu"
        }
      }
      env {
        RATING_SFTP_KEY_PASSPHRASE = "0spzic1y5.KPtELa8Vzc"
        SLACK_USER_TOKEN           = "xoxp-588701067851-974760034363-8287838040419-328d430dfdf8aa599013f842de5b9e28"
      }
      template {
        data        = <<EOT
PARTNER_TOKEN={{ with secret "kv/data/rating/partners" }}{{ .Data.data.token }}{{ end }}
EOT
        destination = "secrets/partner.env"
        env         = true
      }
    }
  }
}
