// Names, settings and lookups around secrets: nothing here is a secret.
export const HEADERS = {
  apiKey: 'X-Meridian-Api-Key',
  authorization: 'Authorization',
  clinicToken: 'X-Clinic-Token',
} as const;

export enum SecretKind {
  DatabasePassword = 'database_password',
  StripeSecretKey = 'stripe_secret_key',
  JwtSigningKey = 'jwt_signing_key',
}

export const secretNames = {
  db: 'meridian/prod/scheduling-db',
  stripe: 'meridian/prod/stripe',
};

export const passwordPolicy = { minLength: 12, requireSymbol: true, maxAgeDays: 90 };
export const tokenTtlSeconds = 900;
export const apiKeyPrefix = 'mrd_live_';

export function readConfig(env: NodeJS.ProcessEnv) {
  return {
    stripeKey: env.STRIPE_SECRET_KEY ?? '',
    jwtSecret: env['JWT_SECRET'],
    dbPassword: process.env.DB_PASSWORD || undefined,
  };
}

export const fixtures = {
  clinicId: '72f45d15-112e-4cdc-b9b7-664476841f0f',
  passwordHash: '$argon2id$v=19$m=65536,t=3,p=4$c29tZXNhbHQ$RdescudvJCsgt3ub+b+dWRWJTmaaJObG',
  integrity: 'sha512-HadyhlEo+Gn/j9tuqJKEQAjny5bGHAv7RhGFlh/qsdL/S4dsMt3p8+CXjT/y3cAv',
  avatar: 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  unsignedJwt: 'eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJzdWIiOiJkZW1vIn0.',
  docsExample: 'Authorization: Bearer <token>',
  placeholderUrl: 'postgres://user:password@localhost:5432/db',
};
