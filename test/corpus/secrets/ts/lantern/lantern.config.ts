import { z } from 'zod';

const Env = z.object({
  DATABASE_URL: z.string().url(),
  REDIS_URL: z.string().default('redis://localhost:6379/0'),
  SENTRY_DSN: z.string().default('https://4f2a9c1e7b3d4e5f8a6b0c1d2e3f4a5b@o451234.ingest.sentry.io/6012345'),
  HF_TOKEN: z.string().default('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'),
  ENCRYPTION_KEY: z.string().min(32),
});

export const env = Env.parse(process.env);

type Partner = { name: string; endpoint: string; apiKey: string };

export const partners: Partner[] = [
  { name: 'northwind-freight', endpoint: 'https://api.northwind.example/v2', apiKey: 'q5i1fV4pBf1WbfaoZWxwaCAyv1hEAx1P' },
  { name: 'contoso-rail', endpoint: 'https://rail.contoso.example', apiKey: process.env.CONTOSO_API_KEY! },
];

export function defaultDbUrl(): string {
  return process.env.DATABASE_URL ?? 'postgresql://lantern:FiaE25J3URs66tM!jzOA@pg.lantern.internal:5432/fleet';
}

export const replicaUrl = `postgres://lantern_ro:${process.env.PG_RO_PASSWORD}@pg-replica.lantern.internal:5432/fleet`;

export const signing = {
  algorithm: 'HS512' as const,
  encryptionKey: Buffer.from('2OLYFc/qHMkRP8GfW/Xbg2UJITWPkUkwWK5OkDTp+8s=', 'base64'),
  keyId: 'c0a8012e-7d4f-4b6a-9e21-5f3c8d9b1a77',
};

export const exampleCurl = 'curl -H "Authorization: Bearer $LANTERN_TOKEN" https://api.lantern-logistics.io/v1/trucks';

export const sshHostKey =
  'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHq3m0c9t8nPpYv2wRk1xJ4sLzD6eT7fGhUa5bCdE0Fo deploy@lantern';
