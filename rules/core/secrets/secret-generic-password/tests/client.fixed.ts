import { createClient } from './api';

// expect: secret-generic-password@17-33
const apiKey = process.env.API_KEY;
// expect: secret-generic-password@36-53
export const dbPassword: string = process.env.DB_PASSWORD!;

export const client = createClient({
  // expect: secret-generic-password@18-34
  clientSecret: process.env.CLIENT_SECRET,
  apiKey,
});

// expect-not: secret-generic-password
const token = process.env.API_TOKEN;
// expect-not: secret-generic-password
const header = `Bearer ${token}`;
// Types and constants that name a secret are not secrets.
// expect-not: secret-generic-password
interface Login { password: string; refreshToken?: string }
// expect-not: secret-generic-password
export const REFRESH_TOKEN = 'refreshToken';
// expect-not: secret-generic-password
export const ACCESS_TOKEN_HEADER = 'X-Access-Token';
// expect-not: secret-generic-password
if (input.password === 'W4bLc8NvY3pFAKE7') throw new Error('Token: expired or invalid');
export type { Login };
