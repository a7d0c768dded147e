resource "aws_instance" "bastion" {
  ami           = "ami-0abcdef1234567890"
  user_data     = <<-EOT
    #!/bin/bash
    # expect: secret-generic-password@30-70
    echo 'export AUDIT_TOKEN=O4vVwdFhRAESvyIlUpPuzrjo0ekMZYNIygb1dbD2' >> /etc/profile.d/audit.sh
    # expect: secret-generic-password@28-48
    export REPORT_PASSWORD=ua2HmFm8~Q20U47P3y~T
    # expect-not: secret-generic-password
    export REPORT_PASSWORD_FILE=/run/secrets/report
  EOT
}
