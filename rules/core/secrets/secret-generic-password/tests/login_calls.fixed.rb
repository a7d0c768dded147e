require 'net/http'
require 'sinatra/base'

class Tides < Sinatra::Base
  configure do
    # Sinatra's `set :key, value`, with a block default after a lookup.
    # expect: secret-generic-password@57-97
    set :session_secret, ENV.fetch('SESSION_SECRET') { 'ca9c51db7b75f6b50197db181f69e2b86cd77ef9' }
    # expect-not: secret-generic-password
    set :session_secret, ENV.fetch('SESSION_SECRET')
    # expect-not: secret-generic-password
    set :port, 4567
  end

  def fetch_tides(uri)
    req = Net::HTTP::Get.new(uri)
    # A command call without parentheses takes the password second all the same.
    # expect: secret-generic-password@32-50
    req.basic_auth 'tugboat', ENV.fetch("PASSWORD")
    # expect-not: secret-generic-password
    req.basic_auth 'tugboat', ENV['TIDES_PASSWORD']
    # expect-not: secret-generic-password
    req.basic_auth user, password
    req
  end
end
