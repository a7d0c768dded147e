Devise.setup do |config|
  # expect: secret-generic-password@20-84
  config.pepper = "c4efe8eab60e502a282b4be363833359fcfd27b2c2e4914b4f8607274ea88064"
  config.password_length = 12..128
  # expect-not: secret-generic-password
  config.pepper = ENV.fetch("DEVISE_PEPPER")
end
