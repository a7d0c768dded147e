# frozen_string_literal: true

namespace :ads do
  desc 'Sync advertiser accounts from the CRM'
  task sync: :environment do
    hubspot = Hubspot::Client.new(access_token: 'pat-eu1-13a5cc7d-526a-4fe5-9685-1728927c2361')
    Stripe.api_key = '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'
    notion = Notion::Client.new(token: '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')
    conn = Faraday.new('https://crm.kestrel.tv') do |f|
      f.request :authorization, 'Bearer', 'gYgKvyFS8v4xZyGfd1kaQrT3KSp77vC9qVw63fZk'
    end
    AdvertiserSync.new(hubspot, notion, conn).run
  end

  task :report do
    sh %(curl -s -H "Authorization: Bearer #{ENV.fetch('ADS_TOKEN')}" https://ads.kestrel.tv/report)
  end
end
