source "amazon-ebs" "agent" {
  communicator = "winrm"
  # A Windows user's password in a PowerShell command inside user_data (`net user NAME PASSWORD`).
  # expect: secret-generic-password@57-77
  user_data = base64encode("<powershell>net user packer cOFadZ9PwhDtAsG6fKOR</powershell>")
  # expect-not: secret-generic-password
  user_data_file = "net user packer ${var.winrm_password}"
}
