require "net/ftp"
require "net/smtp"
require "openssl"

module Integrations
  def self.sign(payload)
    # expect: secret-generic-password@40-84
    OpenSSL::HMAC.hexdigest("SHA256", ENV.fetch("HMAC_KEY"), payload)
  end

  def self.deliver(path)
    # expect: secret-generic-password@48-68
    Net::FTP.open("ftp.example.test", "drop", ENV.fetch("PASSWORD")) do |ftp|
      ftp.putbinaryfile(path)
    end
  end

  def self.receipt(msg)
    # expect: secret-generic-password@76-96
    Net::SMTP.start("smtp.example.test", 587, "example.test", "receipts", ENV.fetch("PASSWORD"), :plain) do |smtp|
      smtp.send_message(msg, "receipts@example.test", msg.to)
    end
  end

  def self.quiet(payload, key, user, password)
    # expect-not: secret-generic-password
    OpenSSL::HMAC.hexdigest("SHA256", key, payload)
    # expect-not: secret-generic-password
    Net::SMTP.start("smtp.example.test", 25)
    # expect-not: secret-generic-password
    Net::FTP.open("ftp.example.test", user, password)
  end
end
