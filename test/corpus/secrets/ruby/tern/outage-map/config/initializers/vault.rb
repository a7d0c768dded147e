require "vault"

Vault.configure do |vault|
  vault.address = ENV.fetch("VAULT_ADDR", "https://vault.tern.internal:8200")
  vault.ssl_verify = true
end

# Staging reads its database role through a long-lived token until the Kubernetes auth method is enabled.
Vault.token = "hvs.CAESIfql_STcCMs_T4pGJL914E2R8FQU-gKOKhfvg2EhJ939sUqiSPhYQQe8vxSChLHk6bzCLgK-B9Mv0QvnlD5rJyW" if Rails.env.staging?
