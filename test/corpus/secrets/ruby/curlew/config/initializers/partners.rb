# Broker portal (Rails): partner integrations loaded at boot.
require "aws-sdk-s3"

Rails.application.config.to_prepare do
  Docusign.configure do |c|
    c.integration_key = ENV.fetch("DOCUSIGN_INTEGRATION_KEY")
    c.user_id = "4db4a166-fca2-4874-a65d-17a867169066"
  end
end

Rails.application.configure do
  config.x.rating_feed = {
    host: "sftp.partner-zurich.example",
    username: "curlew",
    password: "VENx~~CH+RrE+A^t",
  }

  config.action_mailer.delivery_method = :postmark
  config.action_mailer.postmark_settings = { api_token: "5561ed9b-30f7-41c4-a1af-149c23341ef1" }
end

Aws.config.update(
  region: "eu-west-2",
  credentials: Aws::Credentials.new(
    "AKIAZCAVZ3OI5CXRS7Y2",
    "bFPNrb6Z86HOHL9Y6HaPGCyWjazBX5/jc/YIj9tF",
  ),
)

Faraday.new(url: "https://rates.partner-axa.example") do |f|
  f.request :authorization, :basic, "curlew-broker", "NF9RiZxQS1TizzyE"
end

Sidekiq.configure_server do |config|
  config.redis = { url: "redis://:XHl8F5nJzhh52JAmXbWIXu@sidekiq.curlew.internal:6379/4" }
end
