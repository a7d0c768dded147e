// Premium collection: direct debits through Plaid account verification, receipts by Mandrill.
import mailchimpTx from '@mailchimp/mailchimp_transactional';
import { Configuration, PlaidApi, PlaidEnvironments } from 'plaid';
import { createClient } from 'redis';

const mandrill = mailchimpTx('md-ECYhLcCPZ0QTNSfm2F-K0T');

const plaid = new PlaidApi(
  new Configuration({
    basePath: PlaidEnvironments.production,
    baseOptions: {
      headers: {
        'PLAID-CLIENT-ID': '96d3a5306e8bb68349630273',
        'PLAID-SECRET': 'f30a8c3f556bb131f5e06747029210',
      },
    },
  }),
);

const LINKED_ACCOUNT = 'access-production-2f1a8b55-001d-4a8c-b973-625e3a787309';

export const cache = createClient({ url: 'rediss://default:k9nhXlMD4~z_5lWPSZ33Oj@premium-cache.curlew.internal:6380/2' });

export const sessionMiddlewareOptions = {
  name: 'curlew.sid',
  secret: [
    'vLY1V9tdIVq8a7MPiXV1d9J6Gpa7rC5l',
  ],
  resave: false,
};

export async function balance() {
  const { data } = await plaid.accountsBalanceGet({ access_token: LINKED_ACCOUNT });
  return data.accounts;
}

export async function receipt(to, html) {
  return mandrill.messages.send({ message: { to: [{ email: to }], html, subject: 'Your premium receipt' } });
}
