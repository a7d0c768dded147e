Devise.setup do |config|
  # expect: secret-generic-password@20-84
  config.pepper = ENV.fetch("PEPPER")
  config.password_length = 12..128
  # expect-not: secret-generic-password
  config.pepper = ENV.fetch("DEVISE_PEPPER")
end
