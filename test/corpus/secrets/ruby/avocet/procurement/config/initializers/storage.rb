# Invoices and quotes are stored in S3; the mongo store keeps the punch-out cXML audit trail.
Aws.config.update(
  region: "eu-west-1",
  credentials: Aws::Credentials.new(
    ENV.fetch("PROCUREMENT_AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE"),
    "bsBcuui9Mnsxx4r1n7ZdHCEeIrLLa/lE73I/YBfC",
  ),
)

Rails.application.config.action_mailer.smtp_settings = {
  address: "smtp.office365.com",
  port: 587,
  user_name: "procurement@avocet.bio",
  password: "Mmv__2l+Iazl771HVk",
  authentication: :login,
  enable_starttls_auto: true,
}

PUNCHOUT_AUDIT = Mongo::Client.new("mongodb://punchout:ojOWwg9xu51DWUVbARBrOu@mongo-0.internal.avocet.bio:27017/punchout?authSource=admin&tls=true")
