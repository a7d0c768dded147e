'use strict';
const express = require('express');
const { Pool } = require('pg');

const dbPassword = 'Kx8#mQ2vL9pZrT';
const jwtKey = "A0MGkaHW8HKbFizHv";
const signingKey = 'e2175e4afce3d58aa96ad372ac8b4258';
const API_KEY_HEADER = 'X-Api-Key';
const stripeKey = process.env.STRIPE_API_KEY;
const sessionSecret = process.env.SESSION_SECRET || 'sUVRDuCbkc2EKSjnVn2EIy';
const adminToken = process.env.ADMIN_TOKEN ?? "DnK9aU8mJgkwpFfV6tnJHmkcHj8";
const githubToken = process.env.GITHUB_TOKEN || '';

const config = {
  db: {
    host: 'db.internal',
    user: 'billing',
    password: 'J55ozeHEMfEG',
  },
  encryptionKey: 'a52a93f27ed98ab7f89faa5de40b31e1d3a1acf4',
  passwordMinLength: 12,
  tokenUrl: 'https://auth.internal/oauth/token',
  tokenHeader: 'Authorization',
};

const pool = new Pool({ host: config.db.host, password: config.db.password });

async function charge(url, body) {
  return fetch(url, { method: 'POST', headers: { 'X-Api-Key': 'XGf3nvaEGTXnsRm1e' }, body });
}

async function profile(url, token) {
  return fetch(url, { headers: { Authorization: `Bearer ${token}` } });
}

const refreshTokenField = 'refreshToken';
const apiKey =
  'nEBIIO1nPaflHnYUiGuOA0';

module.exports = { dbPassword, jwtKey, signingKey, pool, charge, profile, apiKey };
