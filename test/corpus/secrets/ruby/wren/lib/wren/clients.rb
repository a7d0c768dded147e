# frozen_string_literal: true

require "ostruct"
require "gitlab"

module Wren
  # Library ILL (interlibrary loan) partners and their shared secrets for the OCLC Tipasa bridge.
  IllPartner = Struct.new(:symbol, :shared_secret)
  ILL_STATE_LIBRARY = IllPartner.new("WRNST", "W3UuA0wRvODBVJp5UJuNvKiOZnAfjtUP")

  TipasaCredentials = Data.define(:client_id, :client_secret)
  TIPASA = TipasaCredentials.new(client_id: "wren-tipasa", client_secret: "7QzytQJ4jY60mjVbAQfZygl06ec7fsIurFt5B032")

  ALMA = OpenStruct.new(region: "na", api_key: "l8xxdb41916cc39158950ac2c9d4292d910d")

  Gitlab.configure do |config|
    config.endpoint = "https://gitlab.wren.edu/api/v4"
    config.private_token = "glpat-Ky-9NKWgQ2eeURYDFx5w"
  end
end
