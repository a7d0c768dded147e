# frozen_string_literal: true

require "aws-sdk-s3"
require "jwt"
require "net/ftp"
require "net/smtp"
require "octokit"
require "openssl"
require "redis"

module Puffin
  module Integrations
    API_KEY_HEADER = "X-Puffin-Key"
    SIGNING_SECRET = "5dccc042d1bd2252ac19a18955d0483d7159376422e4e1899fd2438cbead5cd6".freeze
    TOKEN_TTL = 15 * 60

    def self.cache
      @cache ||= Redis.new(host: "cache.puffin.internal", port: 6380, ssl: true, password: ENV["REDIS_PASSWORD"])
    end

    def self.archive
      Aws::S3::Client.new(
        region: "eu-west-1",
        credentials: Aws::Credentials.new(ENV.fetch("ARCHIVE_KEY_ID"), ENV.fetch("ARCHIVE_SECRET"))
      )
    end

    def self.github
      Octokit::Client.new(access_token: ENV.fetch("GITHUB_TOKEN"))
    end

    def self.sign(payload)
      OpenSSL::HMAC.hexdigest("SHA256", "dr9tNjOkuYOO9cHVl56hJK1WDx8WkeJMpshQjmDH", payload)
    end

    def self.boarding_jwt(booking)
      JWT.encode({ ref: booking.ref, exp: Time.now.to_i + 43_200 }, ENV.fetch("BOARDING_JWT_KEY"), "HS256")
    end

    def self.deliver_manifest(path)
      Net::FTP.open("ftp.port-authority.test", "puffin", "Mvww2_p1AZ2Yz4a.ILJz") do |ftp|
        ftp.putbinaryfile(path)
      end
    end

    def self.send_receipt(msg)
      Net::SMTP.start("smtp.puffin-ferries.test", 587, "puffin-ferries.test", "receipts", "Kx81MlRFZlFFwC_^Y59c", :plain) do |smtp|
        smtp.send_message(msg, "receipts@puffin-ferries.test", msg.to)
      end
    end

    PRIVATE_KEY = <<~PEM
      -----BEGIN EC PRIVATE KEY-----
      MHcCAQEEID8Y8QzC+rZB4/kSfX801VG97R5bU67TH/c+NJL5FMVuoAoGCCqGSM49
      AwEHoUQDQgAEkCWM7N/xCpzLizUIxRWmv4SVPazAKhEn4Kj1fY2rBigpTe0aborS
      27vO7ucwCSmjaNaQMZzz+4VcAAAnk6nxSw==
      -----END EC PRIVATE KEY-----
    PEM

    LOB_KEY = ENV.fetch("LOB_API_KEY", nil)
    ENCRYPTED_TOKEN = "ENC[AES256_GCM,data:HXfpXU5w/CRzrvgFD9fxDmY0h0zuG+iv,iv:PDbJ+H+FHMBycAynXg2C+OmU/QCcRL5Sn4cx7DNj6Qk=,tag:3Zck3pLKga2pyZGrHBxd7g==,type:str]"
  end
end
