HES_API_KEY = Rails.application.credentials.dig(:hes, :api_key)
STRIPE_KEY = ENV.fetch("STRIPE_SECRET_KEY")
SMTP_PASSWORD = ENV["SMTP_PASSWORD"]
PASSWORD_FIELD = :password
