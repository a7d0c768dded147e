job "ais-relay" {
  datacenters = ["terminal-3"]

  group "relay" {
    task "relay" {
      driver = "docker"
      config {
        image = "ghcr.io/osprey-port/ais-relay:1.8.2"
      }
      env {
        AIS_UPSTREAM      = "tcp://ais.feed.example:5631"
        AIS_STREAM_TOKEN  = "ALnJV4en1TeqADWXOCtZclJEnJZq5Zhx"
      }
      template {
        destination = "secrets/relay.env"
        env         = true
        data        = <<EOH
DB_PASSWORD={{ with secret "kv/data/ais-relay" }}{{ .Data.data.db_password }}{{ end }}
PILOTAGE_API_KEY=7916012e3819053e907c759c45a57bdcea693796
EOH
      }
    }
  }
}
