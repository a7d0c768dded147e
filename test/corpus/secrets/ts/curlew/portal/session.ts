// Broker portal: iron-session cookies, the Genesys call-centre widget and field encryption for NI numbers.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import platformClient from 'purecloud-platform-client-v2';
import type { SessionOptions } from 'iron-session';

export const sessionOptions: SessionOptions = {
  cookieName: 'curlew_broker',
  password: 'fP623bIufG4froL2bciWuFyJIcDQp9m6x2ubppwJ',
  cookieOptions: { secure: true, sameSite: 'lax', maxAge: 60 * 60 * 8 },
};

export const SESSION_SECRET_NAME = 'broker-portal/session';
export const GENESYS_CLIENT_ID = '32f3c231-cbef-4abb-8c6e-be5c1a47343a';

export async function genesys(): Promise<typeof platformClient.ApiClient.instance> {
  const client = platformClient.ApiClient.instance;
  client.setEnvironment(platformClient.PureCloudRegionHosts.eu_west_2);
  await client.loginClientCredentialsGrant(GENESYS_CLIENT_ID, 'w3qoK73kL4eLUCc1G5e4vbsKvFXOVdF84Hckw9QW');
  return client;
}

// National Insurance numbers are encrypted at rest in the broker's own table
export function sealNiNumber(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', Buffer.from('051529385f7a02040985084d227edb02dc451fa64213875f817faed9db4202c0', 'hex'), iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [iv, cipher.getAuthTag(), body].map((b) => b.toString('base64url')).join('.');
}

export function openNiNumber(sealed: string, key: Buffer): string {
  const [iv, tag, body] = sealed.split('.').map((p) => Buffer.from(p, 'base64url'));
  const d = createDecipheriv('aes-256-gcm', key, iv);
  d.setAuthTag(tag);
  return Buffer.concat([d.update(body), d.final()]).toString('utf8');
}
