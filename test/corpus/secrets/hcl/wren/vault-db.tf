resource "vault_database_secrets_mount" "sis" {
  path = "database/sis"

  postgresql {
    name                    = "sis-reporting"
    connection_url          = "postgresql://{{username}}:{{password}}@sis-db.wren.internal:5432/sis?sslmode=require"
    username                = "vault_admin"
    password                = "d0Kbn2~q.0r-e9"
    verify_connection       = true
    allowed_roles           = ["sis-readonly"]
    password_authentication = "scram-sha-256"
  }
}

resource "tfe_variable" "canvas_api_token" {
  key          = "canvas_api_token"
  value        = "6729~dwa1dYDQhU69yCtyfX8kUYO8h5KK4Rv5Ci8CsS0a0B9HxpkCtBFDumfBAbGxPG3c"
  category     = "terraform"
  sensitive    = true
  workspace_id = tfe_workspace.lms.id
  description  = "Canvas admin token used by the course-shell module"
}
