module Puffin
  module Traps
    API_KEY_HEADER = "X-Puffin-Key"
    STRIPE_KEY = Rails.application.credentials.dig(:stripe, :secret_key)
    DB_PASSWORD = ENV.fetch("DB_PASSWORD")
    SESSION_SECRET = ENV["SESSION_SECRET"]
    PASSWORD_FORMAT = /\A(?=.*\d)(?=.*[a-z]).{12,}\z/
    MAILGUN_KEY = Rails.application.credentials.mailgun_api_key
    PLACEHOLDER_TOKEN = "<your-token>"
  end
end
