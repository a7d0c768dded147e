# config/initializers/payments.rb
require "stripe"
require "sidekiq"

Stripe.api_key = Rails.application.credentials.dig(:stripe, :secret_key) || "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"
Stripe.api_version = "2024-06-20"

Rails.application.config.secret_key_base = "e296cae697c93be36a0969f2577c87348c801fa0342a0b367d10bc5105f8914a" if Rails.env.staging?

Sidekiq.configure_server do |config|
  config.redis = { url: "rediss://:BJNJU4AoWnw1UsW7kn_zHVJ@jobs-redis.meridian.internal:6380/0", ssl_params: { verify_mode: OpenSSL::SSL::VERIFY_PEER } }
end

Mailgun.configure do |config|
  config.api_key = "key-5112c7bb3fbeca3e31e9cc3e96ee4ed3"
end

module Meridian
  TOKEN_HEADER = "X-Meridian-Token".freeze
  PASSWORD_FIELDS = %i[password password_confirmation].freeze
  LAB_RESULTS_SECRET_NAME = "meridian/labs/api".freeze
end

class LabResultsClient
  def initialize(token: ENV.fetch("LAB_RESULTS_TOKEN"))
    @conn = Faraday.new("https://labs.partner.example") do |f|
      f.request :authorization, "Bearer", token
    end
  end
end
