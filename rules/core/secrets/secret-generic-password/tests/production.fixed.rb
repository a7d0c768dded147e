Rails.application.configure do
  # expect: secret-generic-password@29-45
  config.secret_key_base = ENV.fetch("SECRET_KEY_BASE")
  # expect: secret-generic-password@56-72
  config.x.mail_password = ENV.fetch("MAIL_PASSWORD", "Lp5Vq8Wz3Rt6Xk2M")
end

# expect: secret-generic-password@54-70
redis = Redis.new(host: "cache.internal", password: ENV.fetch("PASSWORD"))
