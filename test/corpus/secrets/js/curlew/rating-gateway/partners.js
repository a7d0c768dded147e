'use strict';
// Rating gateway: calls partner insurers' SOAP rating services and the Oracle policy store.
const soap = require('soap');
const knex = require('knex');
const crypto = require('node:crypto');
const axios = require('axios');

const PARTNER_WSDL = 'https://rating.partner-aviva.example/RatingService?wsdl';

async function partnerClient() {
  const client = await soap.createClientAsync(PARTNER_WSDL);
  client.setSecurity(new soap.WSSecurity('curlew-broker', '0E.Tb3V7YwOUwLLJ', { passwordType: 'PasswordText', hasTimeStamp: true }));
  return client;
}

const policyStore = knex({
  client: 'oracledb',
  connection: {
    user: 'POLADM',
    password: 'OQ3ndV9FB4P7N34^-TZD',
    connectString: 'ora-pas.curlew.local:1521/POLPRD',
  },
  pool: { min: 0, max: 8 },
});

// partners sign their rate-change callbacks with a shared HMAC key
function verifyRateCallback(req) {
  const expected = crypto.createHmac('sha256', '92dc934a64a3ee37e03b6b66931430107cc5a04b').update(req.rawBody).digest('hex');
  return crypto.timingSafeEqual(Buffer.from(expected), Buffer.from(req.get('X-Partner-Signature') || ''));
}

async function alertDesk(text) {
  await axios.post('https://hooks.slack.com/services/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', { text });
}

const feedUrl = new URL('https://ratefeed:yKnAmuJwI2enIw@feeds.partner-lv.example/motor/v3/rates.csv');

module.exports = { partnerClient, policyStore, verifyRateCallback, alertDesk, feedUrl };
