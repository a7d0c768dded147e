# frozen_string_literal: true

require "boxr"
require "openssl"

# Claims documents are mirrored to Box for loss adjusters outside the network.
module ClaimsBox
  FOLDER_ID = "8388138902"
  WEBHOOK_PRIMARY_KEY_ID = "83d0ff8d"
  TOKEN_HEADER = "X-Claims-Box-Token"
  ADJUSTER_PORTAL_TOKEN = <<~JWT.strip
    eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJzdmMtcm4wNm9sIiwiaXNzIjoiY3VybGV3LWF1dGgiLCJhdWQiOiJjdXJsZXctYXBpIiwiaWF0IjoxNzk2Njc1MzA1LCJleHAiOjE4MjgyMTEzMDUsImp0aSI6ImY1OGYxMTI4LWJmMjEtNDFkNS05NWMwLTczODI1OGEwN2VkMyJ9.eg9OVeGiV1gVL8lR8aHxDHz7PMM4OyhklpFEsXf88YM
  JWT

  def self.client
    Boxr::Client.new("H49QEPQlmX0rRcPgX9m8IcdlxDuT8MVZ")
  end

  def self.sign(payload)
    OpenSSL::HMAC.hexdigest("SHA256", ENV.fetch("BOX_WEBHOOK_KEY"), payload)
  end
end
