job "meter-replay" {
  datacenters = ["ot-dc1"]
  type        = "batch"

  group "replay" {
    task "replay" {
      driver = "docker"

      config {
        image = "registry.tern-energy.example/scada/meter-replay:1.9.0"
        auth {
          username = "nomad-pull"
          password = "${NOMAD_PULL_PASSWORD}"
        }
      }

      vault {
        role = "meter-replay"
      }

      template {
        data        = "HES_API_KEY={{ with secret \"kv/data/hes\" }}{{ .Data.data.api_key }}{{ end }}"
        destination = "secrets/hes.env"
        env         = true
      }
    }
  }
}
