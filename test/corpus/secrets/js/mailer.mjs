import nodemailer from 'nodemailer';
import Redis from 'ioredis';

const SMTP_PASS = process.env.SMTP_PASS;

export const transport = nodemailer.createTransport({
  host: 'smtp.internal',
  port: 587,
  auth: {
    user: 'mailer@billing.internal',
    pass: 'Jp48a1ZKoM8rlJ',
  },
});

export const redis = new Redis({ host: 'cache.internal', password: process.env.REDIS_PASSWORD });

const settings = {
  webhookSecret: '80sqpcIYUevhdmHKCNR',
  webhookSecretHeader: 'X-Webhook-Signature',
  hmacKey: Buffer.from('HuzdduzPP7Hkjy9ojMaLF49t', 'utf8'),
  apiKeyPrefix: 'bk_',
};

export function adminClient(fetchImpl) {
  const token = SMTP_PASS ?? 'ezXxSjmvbBPvUc';
  return (url) => fetchImpl(url, { headers: { 'X-Admin-Token': token } });
}

export default settings;
