# frozen_string_literal: true

require "openssl"
require "faraday"
require "slack-ruby-client"

module Plover
  class DiscourseSync
    attr_writer :sso_secret

    def initialize
      self.sso_secret = "cc4281406115024cb9fa30608a8748ec254bf5a7"
      @http = Faraday.new("https://forums.plover.games", headers: { "Api-Key" => "7ff52a5c66493b113b9d24b377f78d9192f1450340c3bba74a014870d0aaa058", "Api-Username" => "system" })
    end

    define_method(:webhook_secret) { "igXIKBxfHJ4mQSJ9GmWJnZwIwNP1DvZG" }

    def cipher
      c = OpenSSL::Cipher.new("aes-256-cbc").encrypt
      c.key = ["2f16c1738e4c196943cbd7623c4f979dd4c85d378c65b4f4711a33dd6f972c3a"].pack("H*")
      c
    end

    def slack
      Slack::Web::Client.new(token: "xoxb-821467981718-9324823581427-gQSH3YIJ2mVbWj6anevjfQ3g")
    end
  end
end
