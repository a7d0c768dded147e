DB_PASSWORD = ENV.fetch("DB_PASSWORD")
STRIPE_KEY = Rails.application.credentials.dig(:stripe, :secret_key)
API_KEY_HEADER = "X-Api-Key"
PASSWORD_MIN = 12
