module Places
  # A struct's fields named once, constructed by position.
  Partner = Struct.new(:symbol, :shared_secret)
  # expect: secret-generic-password@33-65
  STATE = Partner.new("NORTH", "2yWiFH7x76gz3ZJVJuJVAYja3UwERdJd")
  # expect: secret-generic-password@58-90
  LOCAL = Struct.new(:symbol, :api_secret).new("LOCAL", "KfCBGJK8mfRtTFyXjrTTQgnOKoKUQejz")
  # expect-not: secret-generic-password
  OTHER = Partner.new("SOUTH", ENV.fetch("SOUTH_SECRET"))
  # expect-not: secret-generic-password
  NAMES = Partner.new("north-partner-symbol", "south-partner-symbol")
end
