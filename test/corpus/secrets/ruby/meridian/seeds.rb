# db/seeds.rb — demo data for review apps
clinic = Clinic.find_or_create_by!(slug: "riverside") do |c|
  c.name = "Riverside Family Practice"
  c.timezone = "Europe/London"
end

User.create!(
  email: "frontdesk@riverside.test",
  password: "MRCDDgkZvgvBzqkapL_btWg",
  password_confirmation: "JWOMvt8P4KawCKFyHL-kMHx",
  clinic: clinic,
)

ApiClient.create!(name: "kiosk", secret: SecureRandom.hex(32), token_digest: "0bcf2d8b57310da52be459a0839a8d99be2b1c4fafd24917bc62c9cbd47d3533")
IntegrationSetting.create!(clinic: clinic, provider: "sendbird", settings: { "api_token" => "6a66ed6fc5be73b2d0d2954e70f2d8525091e1b6" })

KioskDevice.create!(clinic: clinic, serial: "KSK-0042", provisioning_jwt: "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJzdmMtZnVzamxhIiwiaXNzIjoibWVyaWRpYW4tYXV0aCIsImlhdCI6MTc5NjU5Mzk2OSwiZXhwIjoxODI4MTI5OTY5LCJzY29wZSI6InNjaGVkdWxpbmc6d3JpdGUifQ.MolcldpXWvLp8sajAteOpgyeLj2FMl0ngsegdR_EvU4")
