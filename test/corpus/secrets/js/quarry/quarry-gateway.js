'use strict';
const axios = require('axios');
const { randomUUID } = require('node:crypto');

// Quarry gateway client: credentials come from the environment in production.
const API_KEY_HEADER = 'X-Quarry-Key';
const REQUEST_ID = randomUUID();

function createClient({ apiKey = 'uazaKw3G3A9bo0GevtxvWD9I4rIvNJdY', baseURL = 'https://api.quarry.example' } = {}) {
  return axios.create({ baseURL, headers: { [API_KEY_HEADER]: apiKey, 'X-Request-Id': REQUEST_ID } });
}

class QuarryWebhook {
  static signingSecret = `f6b4deaa338afff3f5af991345ca3acfae8a1e54`;
  static secretHeader = 'X-Quarry-Signature';
}

const client = createClient();
client.defaults.headers.common['X-Quarry-Token'] = 'aBnS6y8GYLnVZtoEl66QN0dX6jTHu7ZVA3wyMCay';

module.exports.settings = Object.assign({}, {
  clientId: 'quarry-dispatch',
  clientSecret: "mdswd89uYP89Fq8kqS6gc0DQdadOmu6-b9YHrlDp",
  tokenUrl: process.env.QUARRY_TOKEN_URL,
  passwordPolicy: 'strong',
});

module.exports.refreshToken = process.env['QUARRY_REFRESH_TOKEN'];
module.exports.messages = { password: 'Password must contain a digit', token: 'Your session token expired' };
module.exports.QuarryWebhook = QuarryWebhook;
