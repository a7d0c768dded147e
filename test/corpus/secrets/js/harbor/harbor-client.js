'use strict';

const axios = require('axios');

// Harbor dispatch API client (shipping manifests and berth bookings).
const HARBOR_BASE_URL = process.env.HARBOR_BASE_URL || 'https://api.harbor.example';
const HARBOR_API_KEY_HEADER = 'X-Harbor-Api-Key';
const harborApiKey = process.env.HARBOR_API_KEY || '4lIo4dKd56z6U1kBdeuJM1NoUCChH2cw';
const webhookSigningSecret = "481e56db71140f1d03a7c825c65a83676fbb8d30";
const sessionSecret = process.env.SESSION_SECRET;
const TOKEN_TTL_SECONDS = 3600;
const cacheKey = 'harbor:manifests:v2';
const encryptionKey = Buffer.from('ZQuMcU6359I8u8dPjuN+wSKWGpB1ZLOCNj4JW227iIE=', 'base64');

function createClient(opts = {}) {
  return axios.create({
    baseURL: HARBOR_BASE_URL,
    timeout: opts.timeout ?? 5000,
    headers: {
      [HARBOR_API_KEY_HEADER]: harborApiKey,
      'X-Harbor-Client-Secret': 'TsN0SpJS4lMghpmyVvEl27xT8gBG',
      'Content-Type': 'application/json',
    },
  });
}

let dispatchToken;
dispatchToken =
  '6NT3uB0semRSszF8uTT8B38kKCyftiYBAmfJ';

module.exports = {
  createClient,
  encryptionKey,
  sessionSecret,
  dispatchToken,
  credentials: {
    clientId: 'harbor-dispatch',
    clientSecret: 'zYp6RhK3nwZzRecHfvlAvpvA1OQskvMYWuiL8QvI',
    password: '',
  },
  messages: {
    passwordTooShort: 'Your password must be at least 12 characters long.',
    tokenExpired: 'Your session token has expired, please sign in again.',
  },
  TOKEN_TTL_SECONDS,
  cacheKey,
  webhookSigningSecret,
};
