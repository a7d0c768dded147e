'use strict';

const { WebClient } = require('@slack/web-api');
const Stripe = require('stripe');
const sgMail = require('@sendgrid/mail');

// Notifications for berth changes: Slack, e-mail, Teams.
const slack = new WebClient(process.env.SLACK_TOKEN || 'xoxb-691850650217-4800803836359-Hohxhf1dgNa42MbfAd9kraCh');
const stripe = new Stripe('sk_live_ls9ZeJHM8wqCRVpJWjTKF0dT', { apiVersion: '2024-06-20' });
sgMail.setApiKey('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');

const channels = {
  berths: 'C04HARB0R1',
  teams: 'https://harborshipping.webhook.office.com/webhookb2/b3973826-b3df-4afe-b37f-af590c489185@4d4cb2ba-d917-44e2-96b2-5a429346b38b/IncomingWebhook/60c6791c3c8fa89976b4129e4d973de7/f0c1158f-f2c3-4b6d-8981-a33557535e7d',
};

// publishable key, meant for the browser
const publishable = 'pk_live_24ypRIw2a9mTQ6OYnNaZAATp';
const customer = 'cus_Bx3Xpy3LMl8kGK';

module.exports = { slack, stripe, sgMail, channels, publishable, customer };
