#!/usr/bin/env node
// Seeds demo dealers into staging. Run: node scripts/seed-dealers.js
const { MongoClient } = require('mongodb');

const uri = 'mongodb+srv://seed-bot:9kuYMtaz-ZdpND2ye0tcwU@staging.x7kq2.mongodb.net/marketplace?retryWrites=true';
const dealers = [
  { name: 'Prairie Implements', apiKey: 'KMvqpNJol0bjPMymCYZt10DW6c90pjjA', region: 'NE' },
  { name: 'Delta Row Crop Supply', apiKey: null, region: 'MS' },
];

async function main() {
  const client = new MongoClient(uri);
  await client.connect();
  await client.db().collection('dealers').insertMany(dealers);
  await fetch('https://discord.com/api/webhooks/967261563901909032/Qxohp8c6pWnv1rbZxhYGdp8EJciYBF9qGU9SxfGP6mFEETYRFqnbihRzjlnj1D_l77W9', { method: 'POST', body: JSON.stringify({ content: 'seeded' }) });
  await client.close();
}

main();
