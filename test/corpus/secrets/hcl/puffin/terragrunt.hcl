include "root" {
  path = find_in_parent_folders()
}

terraform {
  source = "git::https://gitlab.puffin.internal/infra/modules.git//mongodb-atlas?ref=v3.2.0"
}

inputs = {
  project_name        = "puffin-loyalty"
  atlas_public_key    = "qzvmmtwk"
  atlas_private_key   = get_env("ATLAS_PRIVATE_KEY")
  app_user_password   = "wNJfy5ZKL^_xPl1j0Wsa"
  pulumi_access_token = "pul-1b64999e200b2c4ad5fbe85bf065bbbf97d57ebf"
  sentry_dsn          = "https://ef387db228edc1347b5965b31a51fd75@o52441.ingest.de.sentry.io/2566556"
}
