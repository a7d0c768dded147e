import { z } from 'zod';
import cookieSession from 'cookie-session';

// Batch 16 (learn16-calls): array destructuring pairs each name with its own item.
// expect: secret-generic-password@54-74
const [legacyUser, legacyPassword] = ['svc-bridge', '-B9qvZNw0h3mCjgYCw8X'];

// A schema's fallback is a default like `.default(…)`.
const Env = z.object({
  // expect: secret-generic-password@45-93
  WEBHOOK_SECRET: z.string().min(32).catch('01b74781fdb5be8fd38ca03b578f3b9a595471690160044a'),
  // expect-not: secret-generic-password
  TOKEN_HEADER: z.string().catch('X-Auth-Token'),
});

// Cookie-signing keys, the current one alone on the line below its bracket.
export const session = cookieSession({
  name: 'portal',
  keys: [
    // expect: secret-generic-password@6-46
    'xcHhxmZDwIhne52WzwPiLQr+c0Vj13UjFR4Gbbnq',
  ],
});

// A React state pair: the hook's argument is the initial value, not a pair of literals.
// expect-not: secret-generic-password
const [token, setToken] = useState('W4nEieo1C2IfZMkcL4BRhBjfNssSq8t1');
