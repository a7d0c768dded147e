# Batch 17 (learn17-code): a client's constructor given one key-material literal (Ruby's `Type.new(…)`), its token.
def self.documents
  # expect: secret-generic-password@21-53
  Docs::Client.new("i9TWedFHgde5dGKm90woRID0pwQFTkJ1")
end

# A currency's code is no key material.
# expect-not: secret-generic-password
PRICE_CURRENCY = Money::Currency.new("EUR")
