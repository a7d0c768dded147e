Rails.application.configure do
  config.cache_classes = true
  config.secret_key_base = ENV["SECRET_KEY_BASE"]
  config.x.ferry_feed.api_key = ENV["FERRY_FEED_API_KEY"]
  config.x.ferry_feed.api_key_header = "X-Feed-Key"
  config.active_record.encryption.primary_key = ENV["AR_PRIMARY_KEY"]
  config.active_storage.service = :amazon
  config.cache_store = :redis_cache_store, { url: "redis://:UUSf2p-swC~JnzZjFmsz@cache.puffin.internal:6379/1" }
  config.action_mailer.smtp_settings = {
    address: "smtp.sendgrid.net",
    user_name: "apikey",
    password: ENV["SENDGRID_API_KEY"],
  }
end

Devise.setup do |config|
  config.pepper = "66fe2c786a6c2eb339377d2d9e3a5967a775e86049c6a12d69285ee10a0f0aa3"
  config.password_length = 12..128
end
