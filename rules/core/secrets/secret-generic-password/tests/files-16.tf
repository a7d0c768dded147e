# Batch 16's forms in Terraform (learn16-files): any plain value attribute of a resource whose type is a secret.
resource "databricks_secret" "eln" {
  key          = "eln-token"
  # expect: secret-generic-password@19-41
  string_value = "om4qYIVGOF1BtfTxYKs5GP"
  scope        = databricks_secret_scope.lab.id
}

resource "github_actions_secret" "deploy" {
  repository      = "lims"
  secret_name     = "DEPLOY_KEY"
  # expect-not: secret-generic-password
  encrypted_value = "88U0Hwr75hUPTJNkne0YicQm3dLx8vTz0aYp4Wc1nRkA"
}
