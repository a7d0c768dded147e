import braintree from 'braintree';
import { LinearClient } from '@linear/sdk';
import { Octokit } from '@octokit/rest';
import { PrismaClient } from '@prisma/client';
import { execa } from 'execa';

const VAULT_ADDR = 'https://vault.curlew.internal:8200';

export const gateway = new braintree.BraintreeGateway({
  accessToken: 'access_token$production$nh4zu0n42el5nonb$b909df41f09ab70a9f10e725ee36357d',
});

export const linear = new LinearClient({ apiKey: 'lin_api_1IxTQoQ4MuE3jFIjw1xQgPtGce0AbZYu9Zbi1KMn' });

export const octokit = new Octokit({ auth: `token ${'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'}`, userAgent: 'curlew-portal-release' });

export async function readPolicySecret(path: string): Promise<unknown> {
  const res = await fetch(`${VAULT_ADDR}/v1/kv/data/${path}`, {
    headers: new Headers([
      ['X-Vault-Namespace', 'broking'],
      ['X-Vault-Token', 'hvs.iGyzkJBlWQRHV5KlpEcbsNxf'],
    ]),
  });
  return (await res.json()).data?.data;
}

export async function publishSdk(): Promise<void> {
  await execa('npm', ['publish', '--access', 'restricted'], {
    cwd: 'packages/quote-sdk',
    env: { NODE_AUTH_TOKEN: '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' },
  });
}

export const prisma = new PrismaClient({
  datasources: {
    db: { url: 'sqlserver://sql01.curlew.local:1433;database=Quotes;user=portal_app;password=Y3BwkyXjqVEZfKrDki;encrypt=true' },
  },
});
