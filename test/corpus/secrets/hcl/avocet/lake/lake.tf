provider "planetscale" {
  service_token_name = "terraform"
  service_token      = "pscale_tkn_aO7gy0to29FNVSXyw7XvwRr0trlIFAvNFLgYn6J9D2O"
}

provider "mailgun" {
  api_key = "key-32f45036e380d262e630352cf69aa27a"
}

resource "snowflake_user" "airflow" {
  name         = "AIRFLOW_SVC"
  login_name   = "airflow_svc"
  password     = "4E+1swa8Kwuk8NBfY-66cX"
  default_role = "LOADER"
}

resource "databricks_secret" "eln" {
  key          = "eln-token"
  string_value = "zdDLtYn70rnajK6rTmMF6N52AFMiiCoTDe5Py22O"
  scope        = databricks_secret_scope.lab.id
}

variable "partner_sftp_host" {
  type    = string
  default = "sftp.genomix-partners.com"
}

variable "partner_sftp_password" {
  type      = string
  sensitive = true
}
