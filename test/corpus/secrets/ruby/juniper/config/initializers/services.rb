Rails.application.configure do
  config.action_mailer.smtp_settings = {
    address: "smtp.mailgun.org",
    user_name: "postmaster@mg.juniper-agri.example",
    password: ENV.fetch("MAILGUN_SMTP_PASSWORD", "jc_WNM_414KjYrvPi_m0t9"),
    authentication: :plain
  }
end

Shopify::Context.setup(api_key: "3c1f9e0a2b7d4e6f8a9b0c1d2e3f4a5b", access_token: "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", host: "market.juniper-agri.example")

Sidekiq.configure_server do |config|
  config.redis = { url: "rediss://:XHPEYx1TEydEH7tg9YmBZg@redis.internal:6380/0" }
end

Faraday.new(url: "https://api.dealernet.example") do |f|
  f.request :authorization, "Bearer", "wXPjeLBSVA3MSu0yW5TWwfJouzGuPcH2GEuJMQDy"
end
