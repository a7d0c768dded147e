terraform {
  required_providers {
    alicloud = { source = "aliyun/alicloud", version = "~> 1.230" }
    tfe      = { source = "hashicorp/tfe", version = "~> 0.60" }
    supabase = { source = "supabase/supabase", version = "~> 1.4" }
  }
}

# Alibaba Cloud hosts the admissions mirror for applicants in mainland China.
provider "alicloud" {
  access_key = "LTAI5tDPI0Qg6ryOSZGSNpMt"
  secret_key = "Vcdbiafpr4dCsc01KUtC7Bx61EacnB"
  region     = "cn-shanghai"
}

provider "tfe" {
  hostname = "app.terraform.io"
  token    = "RFI5c1rZVTdDVS.atlasv1.Zzmb3si61DthbTX7QkKUw6W4VsBCGoJYf9mu1gaOp8Acdg17nqriVtd80JYF6Js1fkL"
}

provider "supabase" {
  access_token = "sbp_51532348dfd508f414625d86ec67e9aaa42067ca"
}
