class Feed
  SETTINGS = { region: "north" }.freeze

  def self.verifier
    # expect: secret-generic-password@55-87
    @verifier ||= ActiveSupport::MessageVerifier.new("95dd7d7499e9bfea914470a902b70256", digest: "SHA256")
  end

  # expect: secret-generic-password@53-81
  def feed_api_key = SETTINGS.fetch(:feed_api_key, "YopXfU3u8JAPj2XVB3MpXc0NFgzY")

  # expect-not: secret-generic-password
  def feed_region = SETTINGS.fetch(:region, "north")

  def self.load
    YAML.safe_load(<<~YAML)
      host: legacy.example.test
      # expect: secret-generic-password@17-37
      password: rIwA!jWqUzWYbf6vGYSJ
      # expect-not: secret-generic-password
      password_file: /run/secrets/legacy
    YAML
  end
end
