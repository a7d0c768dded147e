# frozen_string_literal: true

require 'faraday'
require 'aws-sdk-s3'
require 'sidekiq'

module Lantern
  API_KEY_HEADER = 'X-Lantern-Api-Key'
  SECRET_NAME = 'lantern/prod/manifests'
  PASSWORD_RESET_TTL = 2 * 60 * 60
  MANIFEST_SIGNING_KEY = '7a179979ed7ee996d2883fba54fc1552c9af1d53cbc300cfc1674cdca23920d7'

  class << self
    def s3
      Aws::S3::Client.new(
        region: 'eu-west-1',
        access_key_id: ENV.fetch('AWS_ACCESS_KEY_ID'),
        secret_access_key: ENV.fetch('AWS_SECRET_ACCESS_KEY', '+iQUAedhn5GG+hpx2SO68eqM2CNZsV5phHeCXNKw')
      )
    end

    def partner
      Faraday.new(url: 'https://partner.lantern-logistics.io') do |f|
        f.request :authorization, :basic, 'lantern', 'M+aUXdMafAioz2U9bb'
        f.headers[API_KEY_HEADER] = ENV['PARTNER_API_KEY']
        f.headers['X-Shopify-Access-Token'] = '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'
      end
    end

    def mailer_settings
      {
        address: 'smtp.mailgun.org',
        port: 587,
        user_name: 'postmaster@mg.lantern-logistics.io',
        password: ENV['MAILGUN_SMTP_PASSWORD'],
        api_key: 'key-cad1cdda54fd070702e8fe8254bc5998'
      }
    end
  end
end

Sidekiq.configure_server do |config|
  config.redis = { url: 'redis://sidekiq:zy3jake-baEpBrJi_RDA@redis.lantern.internal:6379/1' }
end

Lantern::Config = Struct.new(:webhook_secret, :encryption_key, keyword_init: true).new(
  webhook_secret: 'ls0*fwcJs7rJ0LJBVfMBAGEipVtQkp',
  encryption_key: Rails.application.credentials.dig(:lantern, :encryption_key)
)

DEPLOY_NOTES = <<~MD
  Set the token with `bundle config set --global rubygems.pkg.github.com <your-token>`.
  The public key fingerprint is SHA256:kX2vJ0b7d2w9H6Qy0pC3rF1eT4uM8nZ5aL7sB9oD1gE.
MD

Doppler = Struct.new(:token)
DOPPLER = Doppler.new('dp.st.prd.jhhjXMwRk8C282QOXlDV1H3nm9pKMZah6lBg296C1q8')
