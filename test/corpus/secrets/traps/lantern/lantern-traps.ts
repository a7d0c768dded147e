// Lantern web console: nothing in this file is a secret value.
import { z } from 'zod';

export const API_KEY_HEADER = 'X-Lantern-Api-Key';
export const AUTH_TOKEN_COOKIE = 'lantern_auth_token';
export const PASSWORD_FIELD = 'password';
export const SECRET_NAME = 'lantern/console/session';
export const tokenRefreshMarginMs = 30_000;
export const passwordMinLength = 12;

export const env = {
  apiKey: process.env.LANTERN_API_KEY,
  stripeKey: process.env.STRIPE_SECRET_KEY ?? '',
  sessionSecret: process.env.SESSION_SECRET!,
  mapboxToken: import.meta.env?.VITE_MAPBOX_TOKEN,
};

export const placeholders = {
  password: 'changeme',
  apiKey: '<your-api-key>',
  token: 'YOUR_TOKEN_HERE',
  githubToken: 'ghp_************************************',
  secret: '${LANTERN_SECRET}',
  awsKey: 'AKIAIOSFODNN7EXAMPLE',
  stripe: 'sk_live_xxxxxxxxxxxxxxxxxxxxxxxx',
  slack: 'xoxb-your-bot-token',
};

export const i18n = {
  'login.password': 'Password',
  'login.forgotPassword': 'Forgot your password?',
  'settings.apiKey.help': 'Create an API key under Settings → Developers, then paste it here.',
  'errors.tokenExpired': 'Your session token has expired. Please sign in again.',
};

export const PasswordSchema = z.string().min(12).regex(/[A-Z]/).regex(/\d/);

export const knownHashes = {
  empty: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  bcryptAdmin: '$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy',
  gitSha: 'a94a8fe5ccb19ba61c4c0873d391e987982fbbd3',
};

export const ids = {
  tenantId: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
  requestId: 'req_01HZX3Q8K2M4N6P8R0T2V4W6Y8',
  stripeCustomer: 'cus_PqR8sT2uV4wX6y',
  publishable: 'pk_live_51LanternConsolePublishable000000000000',
  sentryDsn: 'https://3c2b1a0f9e8d47c6b5a4f3e2d1c0b9a8@o112233.ingest.sentry.io/4455667',
  firebaseProjectId: 'lantern-console-prod',
};

export const urls = {
  db: `postgres://console:${process.env.DB_PASSWORD}@pg.lantern.internal:5432/console`,
  cache: 'redis://cache.lantern.internal:6379/0',
  docs: 'https://user@docs.lantern-logistics.io/api',
  example: 'postgresql://user:password@localhost:5432/mydb',
  template: 'amqp://{{ .Values.mq.user }}:{{ .Values.mq.password }}@mq:5672/',
};

export const jwtHeaderOnly = 'eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCIsImtpZCI6ImxhbnRlcm4tMjAyNiJ9';
export const pixel =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAYAAAAf8/9hAAAAGElEQVR42mNkYPhfz0AEYBxVSFJ+BwAZpgL/6h8AAAAASUVORK5CYII=';

export const publicKey = `-----BEGIN PUBLIC KEY-----
MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEq3m0c9t8nPpYv2wRk1xJ4sLzD6eT
7fGhUa5bCdE0FoLantErnPuBLiCKeyOnLyN0tAs3cRetAAAAAAAAAAAAAAAAAAAA==
-----END PUBLIC KEY-----`;
