require "active_support/core_ext/integer/time"

Rails.application.configure do
  config.eager_load = true
  config.force_ssl = true
  config.log_level = :info

  # Head-end used to show "meter last heard" on the outage map.
  config.x.hes.base_url = "https://hes-lab.tern.internal/api/v2"
  config.x.hes.api_key = "sm4HqRzUZmvqZo3QswaFDeIXF1PyvHtrgxpBZKlU"
  config.x.hes.api_key_header = "X-HES-Api-Key"
end
