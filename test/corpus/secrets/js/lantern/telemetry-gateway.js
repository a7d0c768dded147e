'use strict';

// Lantern telemetry gateway: receives GPS pings from trucks and fans them out to the dispatch bus.
const express = require('express');
const { Kafka } = require('kafkajs');
const { WebClient } = require('@slack/web-api');
const crypto = require('node:crypto');

const TELEMETRY_HMAC_HEADER = 'X-Lantern-Signature';
const API_KEY_HEADER = 'X-Api-Key';
const SESSION_SECRET_NAME = 'lantern/gateway/session';
const tokenTtlSeconds = 900;

const config = {
  port: Number(process.env.PORT || 8080),
  kafka: {
    brokers: (process.env.KAFKA_BROKERS || 'kafka-0.lantern.internal:9092').split(','),
    sasl: {
      mechanism: 'scram-sha-512',
      username: 'lantern-gateway',
      password: '5ynV5M+k!6G_Dgy6Gt01Ig',
    },
  },
  ingestSigningSecret: process.env.INGEST_SIGNING_SECRET ?? '27a257085a811fbf7a2a52138ad14e515b2b1972b9c423eb1010d6d04e3c047d',
  mapbox: { accessToken: process.env.MAPBOX_TOKEN }, // from the environment
  apiKeyHeader: API_KEY_HEADER,
};

// Bumped when the device firmware changed its payload layout (sha256 of schema v7).
const SCHEMA_DIGEST = '3b1f0c7a9e4d2b8c6f5a1e0d9c8b7a6f5e4d3c2b1a0f9e8d7c6b5a4f3e2d1c0b';
const DEFAULT_DEVICE_ID = '6f1c2e9a-4b7d-4c1e-9f0a-2d3b4c5e6f70';

const slack = new WebClient(process.env.SLACK_BOT_TOKEN || 'xoxb-852961974968-5737490678133-R4j8KXpNKzyyvP7rh99qQJqb');

const kafka = new Kafka({ clientId: 'lantern-gateway', brokers: config.kafka.brokers, ssl: true, sasl: config.kafka.sasl });

function verify(req) {
  const mac = crypto.createHmac('sha256', config.ingestSigningSecret).update(req.rawBody).digest('hex');
  return crypto.timingSafeEqual(Buffer.from(mac), Buffer.from(req.get(TELEMETRY_HMAC_HEADER) || ''));
}

async function notifyOps(text) {
  await fetch(
    'https://hooks.slack.com/services/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',
    { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ text }) },
  );
}

async function geocode(address) {
  const res = await fetch(`https://geo.lantern-logistics.io/v1/lookup?q=${encodeURIComponent(address)}`, {
    headers: {
      Authorization: 'Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJzdmMtbGFudGVybiIsImlzcyI6Imh0dHBzOi8vYXV0aC5sYW50ZXJuLWxvZ2lzdGljcy5pbyIsImF1ZCI6ImxhbnRlcm4tYXBpIiwiaWF0IjoxNzgzNDIzMDIyLCJleHAiOjE4MTQ5NTkwMjJ9.cXvJ3-VI2Dp7oY0SFGJVj0PQ5Oh_NSgPiM-kJFJ8hJU',
      Accept: 'application/json',
    },
  });
  return res.json();
}

const archive = require('./archive')({
  uri: 'mongodb+srv://lantern_app:4+iqOux!xEiFKnZ4VQ@cluster0.lantern.mongodb.net/telemetry?retryWrites=true',
  collection: 'pings',
});

const replayClient = require('./replay')({
  baseUrl: 'https://replay.lantern-logistics.io',
  headers: { [API_KEY_HEADER]: '1Ld3G8CN1qX85luH8xE7ET1A5tXOWyXIvFrW8ymo' },
});

module.exports = { config, kafka, slack, verify, notifyOps, geocode, archive, replayClient, tokenTtlSeconds, SESSION_SECRET_NAME, SCHEMA_DIGEST, DEFAULT_DEVICE_ID };
