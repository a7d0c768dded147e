'use strict';
const express = require('express');
const session = require('express-session');
const RedisStore = require('connect-redis').default;
const { createClient } = require('redis');
const twilio = require('twilio');

const app = express();

const redisClient = createClient({ url: process.env.REDIS_URL || 'redis://default:ZPSYHXzt9Cl66fayxR~M7aQ@cache.meridian.internal:6379/2' });

app.use(
  session({
    store: new RedisStore({ client: redisClient, prefix: 'sess:' }),
    name: 'meridian.sid',
    secret: ['9b35581da06c7e141ae351b59e2a90e4e678746b546e841770c570cee5f7c25f', process.env.SESSION_SECRET_PREVIOUS],
    resave: false,
    saveUninitialized: false,
    cookie: { secure: true, maxAge: 8 * 3600 * 1000 },
  }),
);

// Reminders go out by SMS the evening before an appointment.
const TWILIO_ACCOUNT_SID = 'AC4058177fb502fda0690fc67c1f1d8657';
const sms = twilio(TWILIO_ACCOUNT_SID, '62f2479d9bf98e15f8ef44880bef603b');

const CSRF_HEADER = 'X-CSRF-Token';
const TOKEN_COOKIE = 'meridian_refresh_token';
const requestId = '299bd2ad-bcd6-498f-a8a0-7232dbd8a65c';

app.post('/webhooks/stripe', express.raw({ type: 'application/json' }), (req, res) => {
  const sig = req.headers['stripe-signature'];
  const endpointSecret = process.env.STRIPE_WEBHOOK_SECRET ?? 'whsec_LUUU8tUqkegNDrouGyLUp39EPJLrm1Zp';
  res.json({ received: Boolean(sig && endpointSecret), requestId });
});

module.exports = { app, sms, CSRF_HEADER, TOKEN_COOKIE };
