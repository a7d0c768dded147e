# frozen_string_literal: true

STRIPE_KEY = ENV.fetch('STRIPE_SECRET_KEY')
DB_PASSWORD = ENV['DB_PASSWORD']
SIGNING_KEY = Rails.application.credentials.dig(:ads, :signing_key)
API_KEY_HEADER = 'X-Ads-Key'
PASSWORD_MIN_LENGTH = 12
REDIS_URL = "redis://:#{ENV.fetch('REDIS_PASSWORD')}@redis-jobs:6379/3"
