terraform {
  required_providers {
    newrelic     = { source = "newrelic/newrelic", version = "~> 3.40" }
    launchdarkly = { source = "launchdarkly/launchdarkly", version = "~> 2.20" }
    doppler      = { source = "DopplerHQ/doppler", version = "~> 1.8" }
    digitalocean = { source = "digitalocean/digitalocean", version = "~> 2.40" }
    mongodbatlas = { source = "mongodb/mongodbatlas", version = "~> 1.18" }
  }
}

provider "newrelic" {
  account_id = 4418230
  api_key    = "NRAK-XKK2SEANYZSNLY3KMN86I27JAAA"
  region     = "EU"
}

provider "launchdarkly" {
  access_token = "api-e47b93ee-a830-4009-8840-bb0f7f4ac56c"
}

provider "doppler" {
  doppler_token = "dp.st.prd.FUk6ovhj1DmezWocLcucE4dNIkk9IYqhjAhBfTRl0is"
}

provider "digitalocean" {
  token = "dop_v1_513f450fc814b549efa66320768fbbfa15d4c167e37046a6344e690ca4eb8b06"
}

provider "mongodbatlas" {
  public_key  = "dg9hmktr"
  private_key = "32eb7e71-56d1-4540-9985-de881d97c7d1"
}
