resource "kubernetes_manifest" "provider_config" {
  manifest = {
    apiVersion = "aws.upbound.io/v1beta1"
    kind       = "ProviderConfig"
    metadata   = { name = "default" }
    spec = {
      credentials = {
        source = "Secret"
        secretRef = { namespace = "crossplane-system", name = "aws-creds", key = "credentials" }
      }
    }
  }
}

resource "helm_release" "grafana" {
  name  = "grafana"
  chart = "grafana"
  set_sensitive {
    name  = "adminPassword"
    value = "u3CmQBL1TtkWzFZ1mUut3C"
  }
}
