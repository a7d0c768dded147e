# An Authorization header's credential, after its scheme.
HEADERS = {
  # expect: secret-generic-password@29-49
  "Authorization" => "Token maORhcn0pLVZNszLFAKE", "Accept" => "application/json"
}
# expect-not: secret-generic-password
AUTH = { "Authorization" => "Token #{ENV.fetch('API_TOKEN')}" }
# expect-not: secret-generic-password
BASIC = { "Authorization" => "Bearer " + token }
# expect-not: secret-generic-password
SCHEME = { "Authorization" => "Bearer" }
