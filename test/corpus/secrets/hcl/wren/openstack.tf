# Research cloud: the Globus data-transfer node and its Keycloak client.
resource "openstack_compute_instance_v2" "globus_dtn" {
  name            = "dtn01"
  image_name      = "Rocky-9.4-x86_64"
  flavor_name     = "m3.xlarge"
  key_pair        = "rc-ops"
  security_groups = ["default", "globus-gridftp"]
  admin_pass      = "4WrkVD*JpLVux!nbcJ64"

  network {
    name = "rc-dmz"
  }

  metadata = {
    role  = "globus-dtn"
    owner = "rc-storage"
  }
}

resource "keycloak_openid_client" "globus_portal" {
  realm_id                     = "wren"
  client_id                    = "globus-portal"
  name                         = "Globus research data portal"
  access_type                  = "CONFIDENTIAL"
  client_secret                = "OfqI5TCqDUllMUExLu9nbMLf652MkwqC"
  standard_flow_enabled        = true
  valid_redirect_uris          = ["https://data.rc.wren.edu/oidc/callback"]
  client_authenticator_type    = "client-secret"
}
