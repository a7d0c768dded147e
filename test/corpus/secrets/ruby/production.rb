Rails.application.configure do
  config.secret_key_base = "24ca2d9ba3fafc565d3ca43060af17ae4b122e9d"
  config.api_token = ENV["API_TOKEN"]
  config.x.mail_password = ENV.fetch("MAIL_PASSWORD", "GmclZH!P4G#8Voc%")
  config.x.stripe_key = ENV.fetch("STRIPE_KEY")
  config.x.api_key_header = "X-Api-Key"
end

client = Octokit::Client.new(access_token: "bEStZLNoulpWO7")
redis = Redis.new(host: "cache.internal", password: 'm79nyD4VXShq8XttR')
DEFAULTS = { password: 'OcFImJ!Al9#ChKG%', timeout: 5 }.freeze
SECRET_NAME = "billing-db"
token = SecureRandom.hex(32)
