import jwt from 'jsonwebtoken';

const JWT_SECRET: string = process.env.JWT_SECRET ?? 'hbEXhm9NuTYi01bl8f5';
const JWT_ISSUER = 'billing';

export function sign(sub: string): string {
  return jwt.sign({ sub }, JWT_SECRET, { issuer: JWT_ISSUER, expiresIn: '15m' });
}

export const oauth = {
  clientId: 'billing-web',
  clientSecret: 'j6tBG0HZOf0GduVBVKj8MYV3',
  tokenEndpoint: '/oauth/token',
};

export function verify(token: string, secret = 's8cwNyv15T560v'): unknown {
  return jwt.verify(token, secret);
}
