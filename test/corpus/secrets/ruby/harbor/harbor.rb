# frozen_string_literal: true

require "faraday"

module Harbor
  API_KEY = ENV.fetch("HARBOR_API_KEY", "28HHFeSLSx75UcsjJz84btj3PMc8ZejC")
  API_KEY_HEADER = "X-Harbor-Api-Key"
  WEBHOOK_SECRET = "3f8a6022724e514315f08227de1fccaa910acfc4".freeze
  TOKEN_TTL = 15 * 60

  class Client
    def initialize(api_token: "D4EnnFiacqPHQ7bEfuBZg6rw", timeout: 5)
      @api_token = api_token
      @timeout = timeout
    end

    def headers
      { "Authorization" => "Token qEXA3L3JcnBiLXJNtiwJ7Z9JsjQn4N", "Accept" => "application/json" }
    end

    def db_options
      { host: "db.harbor.internal", user: "harbor", password: "1sC2S^^yWLvEBFls" }
    end
  end
end

Harbor.configure do |c|
  c.client_secret = "2GeIkumy5IKhv4JDLQdj4y6smFDcDJ4eiOkq"
  c.password_reset_within = 6 * 3600
  c.secret_key_base = Rails.application.credentials.secret_key_base
  c.api_token = ENV["HARBOR_API_TOKEN"]
end
