import { SecretsManagerClient, GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';

const sm = new SecretsManagerClient({});
export const STRIPE_SECRET_KEY = process.env.STRIPE_SECRET_KEY!;
export const openaiKey = process.env['OPENAI_API_KEY'] ?? '';
export const dbPassword = Bun.env.DB_PASSWORD;
export const vaultToken = Deno.env.get('VAULT_TOKEN');
export const jwtSecret = import.meta.env.VITE_JWT_SECRET_NAME;
export const API_KEY_HEADER = 'X-Kestrel-Api-Key';
export const AUTH_HEADER = 'Authorization';
export const PASSWORD_FIELD = 'password';
export const TOKEN_REFRESH_SKEW_SECONDS = 30;
export const SECRET_ARN = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:kestrel/ads/partner-Ab12Cd';

export async function partnerKey(): Promise<string> {
  const out = await sm.send(new GetSecretValueCommand({ SecretId: SECRET_ARN }));
  return JSON.parse(out.SecretString ?? '{}').apiKey;
}

export enum TokenKind {
  Access = 'access_token',
  Refresh = 'refresh_token',
}

export const passwordPolicy = { minLength: 12, requireSymbol: true, maxAgeDays: 90 };
export const dsn = `postgres://${process.env.PGUSER}:${process.env.PGPASSWORD}@${process.env.PGHOST}/ads`;
