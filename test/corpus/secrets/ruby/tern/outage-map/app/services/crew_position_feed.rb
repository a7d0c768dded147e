# frozen_string_literal: true

require "excon"

class CrewPositionFeed
  SETTINGS = {
    region: "north",
    poll_seconds: 20,
  }.freeze

  def self.verifier
    @verifier ||= ActiveSupport::MessageVerifier.new("e7e62319a5bda7fa520566bf71090af70ace2d101746e59d70c03012fb1f114b", digest: "SHA256")
  end

  def avl_api_key = SETTINGS.fetch(:avl_api_key, "wezYr0qHxNd7eQPYgV5lqKZFlJnEQCGK")

  def feed_signing_key = "4c23585fbce9381f766f3ac5cb5bba3b94a6432609c80ab508001dd2a14163a9"

  def connection
    Excon.new("https://avl-feed:pxGMYvJgIGvtikJLRy7Q@avl.telematics-vendor.example/v3/positions", persistent: true)
  end
end
