# Synthetic credentials of each format, written the ways code carries them (arguments, headers,
# comments, fallbacks, neutral keys). None of them is real.
# expect: secret-provider-token@26-202
client = Client(api_key="xoxe.xoxp-1-OX9YIMtCFIPzgNZpBdfdYfkM51ZFfOwBsRhae56YuHqQG0EYn1YGqDVPsFf5ph5NlzJmEi8CfsMJ83ldul4cSjW24bIKwmGisUsW8p1fgnMTJWhSgqEz52g6siOWP6ASVORCbQYT1t5aLqZHK7q2BMxKTHAywYV1Kkb5")
# expect: secret-provider-token@37-93
headers = {"Authorization": "Bearer xoxb-326976619141-0118852872913-B6IVYqkHvTWU9XAp1fND4nC4"}
# expect: secret-provider-token@22-99
# rotated last week: xoxp-922567113937-726119727817-9657303071130-0bd267ac60992ac792dba9b936fbc969
# expect: secret-provider-token@44-141
token = os.environ.get("SERVICE_CRED") or "xapp-1-AZY7WX1M576-1421746194448-88d7b77e776bf33c25d1406823ee924b2a124b271a79ba23bd558c4d237295a6"
# expect: secret-provider-token@23-70
settings = {"value": "xoxa-2-G8DDjyvL0KjoUS4PvgeHkt7FI7vIOUNaLKIwcDs4", "region": "eu"}
# expect: secret-provider-token@10-131
connect("https://discord.com/api/webhooks/7994669597582447247/lbyR_8PlyEEvlswDSBKX5Q2NvFvtNoN9Ve9usv2vESoHEdu9u8WmRiC4kh6llz-5L-4r", timeout=5)
# expect: secret-provider-token@21-93
discord_client.run("MIlvGXtmqdXekYNihtlLyJg0CF.jyqwTN.JoZQ84zM9HACct1NUUBAvBvIkToTAC0NVU2FaP")
# expect: secret-provider-token@26-230
client = Client(api_key="https://contoso.webhook.office.com/webhookb2/036fd3d4-24bd-18d6-092f-a571c98980c6@663f4a72-dbfe-b45f-37a5-77d6a482ea47/IncomingWebhook/c0acb933ced0fa600abf3531e8206721/abcaf5f8-1fe7-1cef-535a-9c3e595bb1c8")
# expect: secret-provider-token@184-227
https://prod-12.westeurope.logic.azure.com:443/workflows/0f3a9c1d7e2b4a58a6c3d9e1f7b2c4a6/triggers/manual/paths/invoke?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=Jf84kY9IIlIXyMPXX_peY4fwDsnP_FM4vgqNNY_25MQ
# expect: secret-provider-token@64-103, secret-provider-token@110-156
https://chat.googleapis.com/v1/spaces/AAAAq7Rm2Kx/messages?key=AIzaejM1DYCO0oSicHptwUpmUCiCFlSmaDRFQti&token=DtQx5q2Ow81QJXe4ZjTbAquLVo1mRcwBNTcIUS-kxL4%3D
# expect: secret-provider-token@37-89
headers = {"Authorization": "Bearer https://hooks.zapier.com/hooks/catch/7454257/2o78uf/"}
# expect: secret-provider-token@22-68
# rotated last week: 8490458140:AAA7zZBAQGqqcwa_6lz2_Mxp2-wHZdUx1of
# expect: secret-provider-token@44-78
token = os.environ.get("SERVICE_CRED") or "SK8a097dc8fa1f75b55761c7348914f2b3"
# expect: secret-provider-token@22-54
TWILIO_AUTH_TOKEN = "83413b9b8415c00eebc71bea9d48d227"
# expect: secret-provider-token@23-92
settings = {"value": "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", "region": "eu"}
# expect: secret-provider-token@10-99
connect("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", timeout=5)
# expect: secret-provider-token@26-62
client = Client(api_key="key-4f4e48fc8aa9a065c9529915f84ed46d")
# expect: secret-provider-token@20-70
mailgun_signing = "a9186d5e262034861d4fb9d60cdd90d7-be82e31e-5a6a44b8"
# expect: secret-provider-token@37-74
headers = {"Authorization": "Bearer 520ae21b14f54c5b4bb1a26ffa54cf7c-us21"}
# expect: secret-provider-token@24-60
postmark.ServerClient("0ab433d3-6154-c593-a01f-4903e5d98fda")
# expect: secret-provider-token@22-47
messagebird_access: "WE0jeJW5932ZaiID4Ez17cZpO"
