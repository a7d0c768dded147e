export const config = {
  databaseUrl: process.env.DATABASE_URL!,
  jwtSecret: process.env.PORTAL_JWT_SECRET ?? '',
  stripeKey: process.env.STRIPE_SECRET_KEY || undefined,
  apiKey: import.meta.env.VITE_API_KEY,
  sessionSecret: Deno.env.get('SESSION_SECRET'),
  passwordMinLength: 12,
  tokenHeader: 'X-Osprey-Token',
  apiKeyHeader: 'X-API-Key',
  secretName: 'portal-db-credentials',
};
export const API_KEY_HEADER = 'X-Api-Key';
export const AUTH_HEADER = 'Authorization';
export const PASSWORD_RESET_PATH = '/account/password/reset';
export const SECRET_MANAGER_ARN = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:portal/stripe';
