# frozen_string_literal: true

require 'sinatra/base'
require 'sequel'

class OspreyAgentApi < Sinatra::Base
  configure do
    set :sessions, true
    set :session_secret, ENV.fetch('SESSION_SECRET') { 'e1ede5c4ec0ccdcec845987cf6a7d46d6ebb31d2c1ae2692e0d16378d794f7c1' }
  end

  use Rack::Auth::Basic, 'Osprey ops' do |username, password|
    Rack::Utils.secure_compare(username, 'ops') &&
      Rack::Utils.secure_compare(password, 'RH4J.eH1VXDbMCVP!D')
  end

  DB = Sequel.connect(adapter: 'postgres', host: 'pg.osprey.internal', database: 'agents',
                      user: 'sequel', password: 'J7O_%5phs*94alwW6ixI')
  ARCHIVE = Sequel.connect('mysql2://archive:AkePDVvTewoK-0h.ok~U@mysql-archive.osprey.internal/port_calls')

  get '/calls/:voyage' do
    json DB[:port_calls].where(voyage: params[:voyage]).all
  end
end
