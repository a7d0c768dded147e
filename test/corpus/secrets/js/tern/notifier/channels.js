const { Client, GatewayIntentBits } = require("discord.js");
const mailchimp = require("@mailchimp/mailchimp_marketing");
const Brevo = require("@getbrevo/brevo");
const hubspot = require("@hubspot/api-client");

// Outage notices go out on every channel customers signed up for.
mailchimp.setConfig({
  apiKey: "68c1af96f66c6c06f24a377a009c7ba4-us6",
  server: "us21",
});

const transactional = new Brevo.TransactionalEmailsApi();
transactional.setApiKey(Brevo.TransactionalEmailsApiApiKeys.apiKey, "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");

const crm = new hubspot.Client({ accessToken: "pat-eu1-881545ee-05e2-4538-ba8a-1e653c6c7ec4" });

const community = new Client({ intents: [GatewayIntentBits.Guilds] });
community.login("MTnFlkV4P3si4R3rUFFsGmqYpC.GsOsR2.qONa2Bsd_Z8mgfyJkAR89UGtqUOyH642_sQhI5");

module.exports = { mailchimp, transactional, crm, community };
