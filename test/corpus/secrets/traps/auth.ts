import type { Request } from 'express';

export const TOKEN_COOKIE = 'billing_session';
export type TokenKind = 'access' | 'refresh';

export function bearerToken(req: Request): string | undefined {
  const header = req.headers['authorization'];
  const token = header?.startsWith('Bearer ') ? header.slice(7) : undefined;
  return token;
}

export const passwordPolicy = { minLength: 12, requireDigit: true };
export const apiKeyPrefix = 'bk_live_';
export const secretManagerPath = 'projects/billing/secrets/db-password/versions/latest';
const password = req.body.password;
const { token: accessToken } = await refresh(refreshToken);
