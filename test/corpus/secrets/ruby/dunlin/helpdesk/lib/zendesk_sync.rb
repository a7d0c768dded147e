# frozen_string_literal: true

require "zendesk_api"
require "net/ldap"
require "mailgun-ruby"
require "octokit"

module Dunlin
  module Helpdesk
    # Mirrors NOC incidents into Zendesk and mails the business customers affected.
    class ZendeskSync
      def self.client
        @client ||= ZendeskAPI::Client.new do |config|
          config.url = "https://dunlin.zendesk.com/api/v2"
          config.username = "noc-bot@dunlin.net"
          config.token = "yyKezp6nL0ayAc5mlCOlBGiNnLobr8eMfB64dt3E"
          config.retry = true
        end
      end

      def self.directory
        Net::LDAP.new(
          host: "ldap.dunlin.net", port: 636, encryption: :simple_tls,
          auth: { method: :simple, username: "cn=helpdesk,ou=services,dc=dunlin,dc=net", password: "tFvwDBq1dzGVOh@ISY_h" }
        )
      end

      def self.mailer
        Mailgun::Client.new("key-66a819599cb2394fe768bc9101c534a9", "api.eu.mailgun.net")
      end

      def self.github
        Octokit::Client.new(access_token: "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")
      end

      def self.archive_db
        ActiveRecord::Base.establish_connection("mysql2://zammad_ro:d70HGs0o6b3ldwjz3EZk@helpdesk-db.dunlin.net/zammad_archive")
      end
    end
  end
end
