SPIRE_TOKEN = ENV.fetch('SPIRE_TOKEN')
DB_PASSWORD = ENV['DB_PASSWORD']
STRIPE_KEY = Rails.application.credentials.dig(:stripe, :secret_key)
MAILGUN_KEY = Rails.application.credentials.mailgun_api_key
PASSWORD_LENGTH = (12..128)
