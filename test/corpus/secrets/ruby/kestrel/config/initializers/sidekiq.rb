# frozen_string_literal: true

redis_url = ENV.fetch('SIDEKIQ_REDIS_URL', 'redis://:7ZPvnp7Yg_wVGB3FROcIpJS_on@redis-jobs.kestrel.internal:6379/3')

Sidekiq.configure_server { |config| config.redis = { url: redis_url, ssl_params: { verify_mode: OpenSSL::SSL::VERIFY_PEER } } }
Sidekiq.configure_client { |config| config.redis = { url: redis_url } }

Sidekiq::Web.use Rack::Auth::Basic do |user, password|
  ActiveSupport::SecurityUtils.secure_compare(user, 'ops') &
    ActiveSupport::SecurityUtils.secure_compare(password, '0mz^*efFnnYn0iJJT5_2Tm')
end
