packer {
  required_plugins {
    amazon = { source = "github.com/hashicorp/amazon", version = ">= 1.3.0" }
  }
}

source "amazon-ebs" "ue_agent" {
  region         = "eu-central-1"
  instance_type  = "c6i.4xlarge"
  source_ami     = "ami-0a1b2c3d4e5f67890"
  communicator   = "winrm"
  winrm_username = "Administrator"
  winrm_password = "EnH~=g_KjbBGOW6da6_="
  winrm_use_ssl  = true
  user_data      = base64encode("<powershell>net user packer zy8ZJ4rGHNLajI!AFC5+</powershell>")
  ami_name       = "ue-agent-{{timestamp}}"
}

build {
  sources = ["source.amazon-ebs.ue_agent"]
}
