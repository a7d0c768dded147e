resource "aws_elasticache_replication_group" "sessions" {
  replication_group_id       = "arena-sessions"
  description                = "Player session cache"
  node_type                  = "cache.r7g.large"
  transit_encryption_enabled = true
  auth_token                 = sensitive("nOKwhPgel4U4VV0dUmRqO2sU02NoLUD7x59m8doe")
  auth_token_update_strategy = "ROTATE"
}

resource "aws_lambda_function" "leaderboard_reset" {
  function_name = "leaderboard-weekly-reset"
  role          = aws_iam_role.lambda.arn
  handler       = "index.handler"
  runtime       = "nodejs20.x"
  filename      = "build/reset.zip"

  environment {
    variables = {
      DATABASE_URL   = "postgres://leaderboard:0ITmE3FeSSKZSrLB-.PGjE@arena-db.cluster-c1x2.eu-central-1.rds.amazonaws.com:5432/arena"
      RESET_HOOK_KEY = var.reset_hook_key
      KMS_KEY_ARN    = "arn:aws:kms:eu-central-1:123456789012:key/0d971f42-b23c-40c5-b928-fd7bd72992ae"
    }
  }
}

resource "null_resource" "win_agent_bootstrap" {
  connection {
    type     = "winrm"
    host     = aws_instance.ue_agent.public_ip
    user     = "Administrator"
    password = "bHYciqA5ZR_2pN!6_bP0"
    https    = true
  }

  provisioner "remote-exec" {
    inline = ["powershell -File C:\\farm\\register-agent.ps1"]
  }
}

resource "random_password" "rcon" {
  length  = 24
  special = false
}

output "rcon_password" {
  value     = random_password.rcon.result
  sensitive = true
}
