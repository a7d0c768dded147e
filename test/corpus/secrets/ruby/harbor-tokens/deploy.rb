require "net/http"

GITLAB = { url: "https://gitlab.harbor.example", auth: "glpat-uNOlLxo6N0XtW2yLBmU3" }
RUNNER_REGISTRATION = "glrt-OIhqe1nB-Fp88dv--xan"
REDIS_URL = ENV.fetch("REDIS_URL") { "redis://:wXWYM2artzZrHwlORB2CQS@cache.harbor.internal:6379/1" }
SENTRY_DSN = "https://415d9eb860f03f71ee0fcaa616ea404e@o4507.ingest.sentry.io/4507123"
REPO = "git@gitlab.harbor.example:harbor/dispatch.git"

def shopify_client
  ShopifyAPI::Clients::Rest::Admin.new(session: ShopifyAPI::Auth::Session.new(shop: "harbor.myshopify.com", access_token: "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"))
end
