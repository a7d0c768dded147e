const tmi = require('tmi.js');
const nodemailer = require('nodemailer');
const { Telegraf } = require('telegraf');
const mongoose = require('mongoose');
const amqp = require('amqplib');

// Twitch chat bot for the community streams.
const twitch = new tmi.Client({
  identity: { username: 'ploverbot', password: 'oauth:5bn8doovv2cvf39fpez5ykf8u4n6d5' },
  channels: ['plovergames'],
});

const mailer = nodemailer.createTransport({
  host: 'smtp.sendgrid.net',
  port: 587,
  auth: { user: 'apikey', pass: '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' },
});

const tg = new Telegraf('3852215332:AAqX_nJJF3KtyMtp-1qQASBaifLwYnIy2CD');

const ELEVENLABS = { voice: 'narrator-en', key: 'sk_13103c94bc29f4e770941597b47de149d4bd639ae4ed9620' };

async function connect() {
  await mongoose.connect('mongodb://forum:4~prJZgiMKmEqBHwLkUi@forum-db-0.plover.internal:27017/forum?replicaSet=rs0');
  return amqp.connect('amqps://events:qOI-aWQFZAPol9P8HTg7@mq.plover.internal:5671/community');
}

module.exports = { twitch, mailer, tg, ELEVENLABS, connect };
