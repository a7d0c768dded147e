provider "vault" {
  address = "https://vault.harbor.internal"
  token   = "hvs.i9fDFQTy92q61q3naQGz3JJq"
}

resource "datadog_monitor" "berths" {
  name    = "berth queue"
  message = "Notify https://harborshipping.webhook.office.com/webhookb2/af57e7a2-f341-404e-b46b-6c37b34dce1e@33f3b21c-4978-4434-a6c2-4232197c7906/IncomingWebhook/86e0672270c0209ac6c021489f784ee5/0c7d5002-6b21-44ac-9d60-5e0c61d4766f"
}

locals {
  db_url = "postgres://harbor_app:${var.db_password}@db.harbor.internal:5432/harbor"
}
