require "faraday"

module Ledger
  API_KEY = ENV.fetch("LEDGER_API_KEY") { "RzpixEkE3dl0aj" }
  SIGNING_SECRET = "y1uk3HWI998EdPN1SgF"

  def self.connection
    Faraday.new(url: "https://ledger.internal") do |f|
      f.request :authorization, "Bearer", ENV["LEDGER_TOKEN"]
      f.headers["X-Ledger-Key"] = "uWv8lzyfbidla6MhbLS3kHGu"
    end
  end
end
