# frozen_string_literal: true

require "net/ldap"
require "active_record"

module Wren
  # Syncs alumni-directory opt-ins from AD into the giving CRM's contact table (runs nightly on alumni-jobs01).
  class LdapSync
    ENV.store("ALUMNI_CRM_API_KEY", "al4eGZlpAkHU3aOp5Gs14uPr7yNMDiCV") unless ENV.key?("ALUMNI_CRM_API_KEY")

    def initialize
      @ldap = Net::LDAP.new(
        host: "ldap.ad.wren.edu",
        port: 636,
        encryption: { method: :simple_tls },
        auth: { method: :simple, username: "CN=svc-alumni,OU=Service Accounts,DC=ad,DC=wren,DC=edu", password: "vRO777lH-.^IUY" }
      )
      ActiveRecord::Base.establish_connection("postgresql://alumni_sync:Qxf1giaHO5xJtbsm.OUGE@crm-db.wren.internal:5432/alumni_crm")
    end

    def run
      filter = Net::LDAP::Filter.eq("extensionAttribute7", "alumni-optin")
      @ldap.search(base: "OU=Alumni,DC=ad,DC=wren,DC=edu", filter: filter) do |entry|
        Contact.upsert({ netid: entry.samaccountname.first, email: entry.mail.first }, unique_by: :netid)
      end
    end
  end
end
