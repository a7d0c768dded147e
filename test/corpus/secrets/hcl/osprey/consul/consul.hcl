datacenter = "terminal-3"
data_dir   = "/opt/consul"
encrypt    = "uVRvM77iIHqV3n/Dr9TeBuK15dQUjkHGYE6D1jtAlx0="

acl {
  enabled        = true
  default_policy = "deny"
  tokens {
    agent = "aea3378c-17a3-4800-8de2-98efbc231c58"
  }
}
