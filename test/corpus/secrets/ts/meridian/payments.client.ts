import axios, { AxiosInstance } from 'axios';
import { Client, Environment } from 'square';
import Stripe from 'stripe';

const API_KEY_HEADER = 'X-Meridian-Api-Key';

export interface PaymentsClientOptions {
  baseUrl: string;
  clinicId: string;
  apiKey?: string;
}

export function clearinghouse(opts: PaymentsClientOptions): AxiosInstance {
  return axios.create({
    baseURL: opts.baseUrl,
    headers: {
      [API_KEY_HEADER]: opts.apiKey ?? '',
      'X-Clearinghouse-Key': '9384a3f146bea4ccc713ab9c9b843a42c9cf7cf8',
      Accept: 'application/json',
    },
    timeout: 10_000,
  });
}

// Square sandbox was retired; the clinic POS now uses production.
export const square = new Client({
  accessToken: 'EAAAYXUQpnRzBAn76qqObtxmBnd6GPW7vtw92MtY6xTZQZ4ZkZuqZX83VkFTtV0Z',
  environment: Environment.Production,
});

export const stripe = new Stripe(
  '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',
  { apiVersion: '2024-06-20', appInfo: { name: 'meridian-payments' } },
);

export const PUBLISHABLE_KEY = 'pk_live_' + '51HxYz';
export const tokenKind = 'bearer' as const;

export class ClaimsPoller {
  private readonly headers = { Authorization: 'Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJzdmMtdWFxaGJvIiwiaXNzIjoibWVyaWRpYW4tYXV0aCIsImlhdCI6MTc5NjU5Mzk2OSwiZXhwIjoxODI4MTI5OTY5LCJzY29wZSI6InNjaGVkdWxpbmc6d3JpdGUifQ.x3QcRRs4k4ELR7GkUicN-kHhBl3ucjnDy__aCEiM4Gg' };
  constructor(private readonly http: AxiosInstance) {}
  poll(id: string) {
    return this.http.get(`/claims/${id}`, { headers: this.headers });
  }
}
