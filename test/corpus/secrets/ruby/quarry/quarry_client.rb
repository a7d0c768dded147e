# frozen_string_literal: true

require "faraday"

module Quarry
  API_KEY_HEADER = "X-Quarry-Key"

  ENV["QUARRY_API_KEY"] ||= "nzyANzSsJBiC9FuKiE0rqQhgbAtgOaki"

  class Client
    attr_reader :connection

    def initialize(token: ENV.fetch("QUARRY_TOKEN"))
      @webhook_secret = %q(1171e202720244c6bedcfbc8719530b7e653f0b9)
      @connection = Faraday.new(url: "https://api.quarry.example") do |f|
        f.request :authorization, :basic, "dispatch", "Vh6QwpeG-d!bZt-.zyRG"
        f.headers["X-Request-Id"] = SecureRandom.uuid
      end
      @token = token
    end

    def signing_key
      Rails.application.credentials.quarry_signing_key || "EWoAbVDUb41sLHiF84xZdkD4EDC4B8fsgFsT"
    end
  end

  DEFAULTS = { client_id: "quarry-dispatch", "client_secret" => "5paZ-7yH9oz94o0sp5RwdLux2rnmTrGGaXKYsybl" }.freeze
  PASSWORD_DIGEST = "$2a$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW"
  MESSAGES = { token_expired: "Your token has expired" }.freeze
end
