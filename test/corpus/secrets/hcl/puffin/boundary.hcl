# Boundary worker on the Kirkwall terminal
disable_mlock = true

listener "tcp" {
  purpose = "proxy"
  address = "0.0.0.0:9202"
}

worker {
  public_addr = "boundary-kwl.puffin-ferries.test"
  controller_generated_activation_token = "RD64WS0ul8MByNnuEENpReIqQ3MESEzMJnkhv1JYzC94iEcT"
  tags {
    type = ["terminal", "kirkwall"]
  }
}

kms "aead" {
  purpose   = "worker-auth-storage"
  aead_type = "aes-gcm"
  key       = "824Gh0FYZ9/AeMlyu/avVH0Fhuh1u5xbbCVvZoK3l7k="
  key_id    = "worker-auth-storage"
}
