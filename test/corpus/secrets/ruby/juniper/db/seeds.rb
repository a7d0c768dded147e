# Demo marketplace data for review apps
admin = User.find_or_create_by!(email: "ops@juniper-agri.example") do |u|
  u.password_confirmation = u.password
end

ApiClient.create!(name: "co-op-portal", client_secret: "72f4d9f6303c388dcb76198d389f2c1c834fbed1dfd2251173f019bc18badef0", owner: admin)
ApiClient.create!(name: "public-map", client_secret: nil, owner: admin)

Integration.create!(kind: "notion", config: { "token" => "ntn_placeholder" })
