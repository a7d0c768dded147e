'use strict';
const { WebClient } = require('@slack/web-api');
const messagebird = require('messagebird');
const basicAuth = require('express-basic-auth');
const express = require('express');
const mysql = require('mysql2/promise');
const { execFileSync } = require('node:child_process');

const slack = new WebClient(
  'xoxp-524366031871-270797377000-6950560897913-0e841f89751ebd4cc0cf1f800b79cd5e',
  { retryConfig: { retries: 3 } }
);
const sms = messagebird.initClient('live_MGB7QWGFSi3m3fCtMKUI9GgEG');
const librenms = mysql.createPool('mysql://noc_bot:Xd1k5LNCawuY6aUgEbTx@librenms-db.noc.dunlin.net:3306/librenms');

const app = express();
app.use('/admin', basicAuth({
  users: { noc: 'h4!L-szmB=PYED=+F+' },
  challenge: true,
}));

app.post('/page/:team', express.json(), async (req, res) => {
  const [rows] = await librenms.query('select hostname from devices where status = 0');
  await slack.chat.postMessage({ channel: '#noc', text: `${rows.length} devices down` });
  sms.messages.create({ originator: 'DunlinNOC', recipients: [req.body.phone], body: req.body.text }, () => {});
  res.sendStatus(204);
});

// secrets for the bot's own deploy come from Doppler; this fallback is for the bench laptop
function loadEnv() {
  return execFileSync('doppler', ['secrets', 'download', '--no-file', '--format', 'json',
    '--token', 'dp.st.prd.8s8E59EXfXLQbWVRjpLJYPhIdtBS2nkN2KOwbVOE']);
}

app.listen(8080);
module.exports = { loadEnv };
