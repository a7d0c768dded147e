require 'mail'
require 'net/http'
require 'redis'

Mail.defaults do
  delivery_method :smtp, address: 'smtp.eu.mailgun.org', port: 587,
                         user_name: 'postmaster@mg.osprey-port.com',
                         password: '142c1b9a16c7f8cc1fccd65a851acdb6-99e9a324-2cf9e735',
                         enable_starttls_auto: true
end

def fetch_tide_table(port_code)
  uri = URI("https://tides.hydrographic.example/api/#{port_code}")
  req = Net::HTTP::Get.new(uri)
  req.basic_auth 'osprey', 'vGh8gxBfLRceT+vE'
  Net::HTTP.start(uri.host, uri.port, use_ssl: true) { |http| http.request(req) }
end

VESSEL_CACHE = Redis.new(url: 'redis://:MW4r_SNuNwKzakTfa82qluWm@redis.osprey.internal:6379/1')
