Rails.application.configure do
  # expect: secret-generic-password@29-45
  config.secret_key_base = "Qm7Xw2Lr9Tz4Kv6N"
  # expect: secret-generic-password@56-72
  config.x.mail_password = ENV.fetch("MAIL_PASSWORD", "Lp5Vq8Wz3Rt6Xk2M")
end

# expect: secret-generic-password@54-70
redis = Redis.new(host: "cache.internal", password: 'Zr4Kt9Lw6Xq2Vm8P')
