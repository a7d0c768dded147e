require "net/ftp"
require "net/smtp"
require "openssl"

module Integrations
  def self.sign(payload)
    # expect: secret-generic-password@40-84
    OpenSSL::HMAC.hexdigest("SHA256", "X9TNlI8eiIMJDcBWMwLitYE8ikaBrq8ehL0Nt+2sAHQ=", payload)
  end

  def self.archive(paths)
    # expect: secret-generic-password@60-80
    ftp = Net::FTP.open("files.example.test", "archiver", "LJ~rn3KG-g2DZEbefoNm")
    paths.each { |p| ftp.put(p) }
    ftp.close
  end

  def self.notify(message, to)
    # expect: secret-generic-password@87-107
    Net::SMTP.start("mail.example.test", 465, "example.test", "alerts@example.test", "xzTjtlZPZLGAg.z8iXx3", :login) { |smtp| smtp.send_message(message, "alerts@example.test", to) }
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
