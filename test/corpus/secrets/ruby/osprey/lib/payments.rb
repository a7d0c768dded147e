require 'active_merchant'
require 'mailgun-ruby'

module Osprey
  module Payments
    GATEWAY = ActiveMerchant::Billing::BraintreeGateway.new(
      merchant_id: 'ospreyportdues',
      public_key: 'k7mxq2vd9wz4hcn3',
      private_key: 'fb9600e8fcfad7a49986d659f95ec54b'
    )

    def self.mailer
      Mailgun::Client.new('key-6fb5e5e2463df443bfe62980d410682f', 'api.eu.mailgun.net')
    end
  end
end
