variable "winrm_password" {
  type      = string
  default   = "S*kMSRPyYS!b6R3Fn^6l"
  sensitive = true
}

source "azure-arm" "kiosk" {
  os_type        = "Windows"
  communicator   = "winrm"
  winrm_username = "packer"
  winrm_password = var.winrm_password
}
