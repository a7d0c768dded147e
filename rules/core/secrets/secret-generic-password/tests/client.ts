import { createClient } from './api';

// expect: secret-generic-password@17-33
const apiKey = 'Zq7mKx9Tf4bLFAKE';
// expect: secret-generic-password@36-53
export const dbPassword: string = "Hs6Dj1Ge5aZq7FAKE";

export const client = createClient({
  // expect: secret-generic-password@18-34
  clientSecret: 'W4bLc8NvY3pFAKE7',
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
