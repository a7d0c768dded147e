const express = require('express');
const session = require('express-session');
const Mailgun = require('mailgun.js');
const twilio = require('twilio');
const { WebClient } = require('@slack/web-api');

const app = express();
app.use(
  session({
    name: 'jm.sid',
    secret: process.env.SESSION_SECRET,
    resave: false,
    saveUninitialized: false,
  }),
);

const mg = new Mailgun(require('form-data')).client({ username: 'api', key: 'key-167b61baab670d6d7b100351e03de2cd' });
const sms = twilio('AC' + process.env.TWILIO_ACCOUNT_SUFFIX, 'bbba56ac312878cda2af994bda41e9c4');
const slack = new WebClient('xoxb-24140590235-4649837126452-qN2OhWf03hKvn5rbAbG7AyPI');

const HEADER_API_KEY = 'X-Juniper-Api-Key';
const TOKEN_TTL_SECONDS = 3600;

app.post('/hooks/harvest', (req, res) => {
  if (req.get('x-harvest-signature') !== '5c822516b90810b7e32a032e9a3c396a3e8ebf37') return res.sendStatus(401);
  res.sendStatus(204);
});

module.exports = { app, mg, sms, slack };
