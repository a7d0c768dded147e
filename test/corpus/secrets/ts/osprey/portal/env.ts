import * as v from 'valibot';

const EnvSchema = v.object({
  NODE_ENV: v.optional(v.picklist(['development', 'production', 'test']), 'development'),
  PORTAL_URL: v.optional(v.pipe(v.string(), v.url()), 'http://localhost:5173'),
  STRIPE_WEBHOOK_SECRET: v.optional(v.string(), 'whsec_K7b8tcyELIL7GpyZE94jYgtbXiHyxC0h'),
  SESSION_TTL_SECONDS: v.optional(v.number(), 28800),
});

export const env = v.parse(EnvSchema, process.env);
