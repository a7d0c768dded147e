region            = "eu-west-1"
environment       = "prod"
cdn_price_class   = "PriceClass_All"
db_instance_class = "db.r6g.xlarge"

# Kept here until the move to Doppler (KST-1182).

fastly_backends = {
  origin = {
    address    = "origin.kestrel.tv"
    port       = 443
    shield     = "lhr-uk"
    auth_token = "fxlgk2ZJ9o0U3pO8crS07VmaO4xzxdil"
  }
}

alert_webhooks = ["https://kestrelmedia.webhook.office.com/webhookb2/1cb2639c-3483-4197-94ab-63ffaae65f38@ec434443-d2cd-4142-a9a3-e7b1b96f78ec/IncomingWebhook/e33d598226d791a33d77bcc289c078a8/523648da-e883-475c-8a42-760ffdb4ad1a"]
