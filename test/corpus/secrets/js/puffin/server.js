'use strict';
// Puffin Ferries check-in API (express)
const express = require('express');
const basicAuth = require('express-basic-auth');
const cookieParser = require('cookie-parser');
const jwt = require('jsonwebtoken');
const mysql = require('mysql2/promise');
const { Client: PgClient } = require('pg');
const mqtt = require('mqtt');
const crypto = require('node:crypto');

const API_KEY_HEADER = 'x-puffin-key';
const SESSION_SECRET_NAME = 'checkin-session';

const app = express();
app.use(cookieParser('SrF64qyvTjSlh7hULBYHJrXC0ubh2lLQ'));

// the dock crew dashboard behind basic auth
app.use('/dock', basicAuth({
  users: { dockmaster: 'J.JcVnpocEqDfZhenN-7' },
  challenge: true,
}));

const pool = mysql.createPool({
  host: 'checkin-db.puffin.internal',
  user: 'checkin',
  password: process.env.CHECKIN_DB_PASSWORD,
  database: 'checkin',
});

const ledger = new PgClient({ host: 'ledger.puffin.internal', user: 'ledger_ro', password: process.env.LEDGER_PG_PASSWORD });

const vesselBus = mqtt.connect('mqtts://telemetry.puffin.internal:8883', {
  username: 'checkin-api',
  password: process.env.MQTT_PASSWORD,
});

function signBoardingPass(passenger) {
  return jwt.sign({ sub: passenger.id, deck: passenger.deck }, '29932bb626b7e772da5a99ed7c57b2dce829f3a13c475562d70f8554d180fc9d', { expiresIn: '12h' });
}

const PASSPORT_CIPHER_KEY = Buffer.from(process.env.PASSPORT_CIPHER_KEY, 'hex');
function sealPassport(number) {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', PASSPORT_CIPHER_KEY, iv);
  return Buffer.concat([iv, cipher.update(number, 'utf8'), cipher.final(), cipher.getAuthTag()]).toString('base64');
}

const partnerAuth = new Map([
  ['ferryhopper', '0tgVKQz0g24e4PxQna3mGp7A7dGMdvoE6mynwXbN'],
  ['directferries', process.env.DIRECTFERRIES_KEY],
]);

app.get('/health', (req, res) => res.json({ ok: true }));

module.exports = { app, pool, ledger, vesselBus, signBoardingPass, sealPassport, partnerAuth, API_KEY_HEADER, SESSION_SECRET_NAME };
