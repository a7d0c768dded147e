'use strict';
const { Kafka, logLevel } = require('kafkajs');

// Confluent Cloud cluster for ad impressions.
const kafka = new Kafka({
  clientId: 'impression-writer',
  brokers: ['pkc-6ojv2.eu-west-1.aws.confluent.cloud:9092'],
  ssl: true,
  sasl: {
    mechanism: 'plain',
    username: 'QZ4MHB5XW6T3KLRE',
    password: '+IycqndulGJVxy6VS6XNjnYhGC+VMp7r73JxfFt+OROs5TTCUGZmvBUj6lQUn7SB',
  },
  logLevel: logLevel.WARN,
});

const schemaRegistry = {
  host: 'https://psrc-4j1d2.eu-central-1.aws.confluent.cloud',
  auth: { username: 'SR7KQ2NVX4HJ9PLM', password: process.env.SR_API_SECRET },
};

module.exports = { kafka, schemaRegistry };
