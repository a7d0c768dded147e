import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  schema: './src/db/schema.ts',
  out: './drizzle',
  dialect: 'postgresql',
  dbCredentials: {
    url: process.env.DATABASE_URL ?? 'postgres://drizzle:DMzeeAT~sdcvWeAmGMYryw7g@pg.osprey.internal:5432/portal',
  },
  strict: true,
});
