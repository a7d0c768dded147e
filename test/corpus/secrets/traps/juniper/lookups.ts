export const config = {
  stripeKey: process.env.STRIPE_SECRET_KEY!,
  dbPassword: process.env['DB_PASSWORD'] ?? '',
  jwtSecret: await secretsManager.getSecretValue({ SecretId: 'esign/jwt' }),
  apiKeyHeader: 'X-Api-Key',
  passwordMinLength: 12,
  tokenTtl: '15m',
  secretName: 'esign-db',
  databaseUrl: `postgres://${process.env.PGUSER}:${process.env.PGPASSWORD}@${process.env.PGHOST}/esign`,
};
export const publishable = 'pk_live_51Jnpr2Lq000000000000000000000000000000000000000000000000';
export const integrity = 'sha512-v2kDEe57lecTulaDIuNTPy3Ry4gLGJ6Z1O3vE1krgXZNrsQ+LFTGHVxVjcXGOrVDvpRNkjTaRUJlJoUaYAoBkQ==';
export const pixel = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
