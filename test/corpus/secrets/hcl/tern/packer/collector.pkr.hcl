packer {
  required_plugins {
    proxmox = { source = "github.com/hashicorp/proxmox", version = ">= 1.2.0" }
  }
}

source "proxmox-iso" "collector" {
  proxmox_url  = "https://pve-ot.tern.internal:8006/api2/json"
  username     = "packer@pve!builder"
  token        = env("PROXMOX_TOKEN")
  node         = "pve-ot-2"
  iso_file     = "local:iso/debian-12.8.0-amd64-netinst.iso"
  iso_checksum = "sha256:b85071b3c1f0b8b4f4c81d6059ab1278023a91f2454b205e43e43643beaee6ff"
  ssh_username = "packer"
  ssh_password = "8-wP*F+RN5v!V_yLvC"
  ssh_timeout  = "20m"
}

build {
  sources = ["source.proxmox-iso.collector"]
}
