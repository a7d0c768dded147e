# Blocks returning a literal under a secret-named symbol (default-positions.ts).
class Relay
  # expect: secret-generic-password@37-61
  define_method(:webhook_secret) { "rvtzIx0ljE8o8yamd9CKaEbF" }
  # expect-not: secret-generic-password
  define_method(:webhook_secret_name) { "relay-webhook" }
  # expect-not: secret-generic-password
  define_method(:api_token) { ENV.fetch("RELAY_API_TOKEN") }
end

RSpec.describe Relay do
  # expect: secret-generic-password@20-44
  let(:api_key) { "i7olBzDrm6AReUG43nwQ4Wzp" }
  # expect-not: secret-generic-password
  let(:api_key_header) { "X-Api-Key" }
end
