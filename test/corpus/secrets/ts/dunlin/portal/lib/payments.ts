import { CheckoutAPI, Client, EnvironmentEnum } from '@adyen/api-library';
import gocardless from 'gocardless-nodejs';
import { Environments } from 'gocardless-nodejs/constants';
import { Pool } from 'pg';

// Direct debit is the default for broadband contracts; cards (Adyen) for one-off engineer visits.
export const directDebit = gocardless(
  process.env.GOCARDLESS_ACCESS_TOKEN ?? 'live_asKKzjx0oIAHrvQsOujtESpaSGuJ5rm1b4lfXrvU',
  Environments.Live,
  { raiseOnIdempotencyConflict: true },
);

const adyen = new Client({
  apiKey: 'AQEgbc6rWZ3v8rNSli6HuvrVDFKbRaTEgNpY9bQIhqSUm_Ynt_agRxcB9v9FhymtVoO2SNi3_s0WFmxjjL8Jrm3Enu6mQ4OylyPRnLHMcbSRzyj8WRVJcAdYnXmvxoJ-mbc6XIEoYMzKJ9hYPnSVHTgzDSqhaZJsahk76qR4vs56ySrOqnCAH9mo2p099UL4g13YWqmaMAZpBN4fs5q9MqEqje3qxGp2RQnWVBKfIgIPTfj5GDh',
  environment: EnvironmentEnum.LIVE,
  liveEndpointUrlPrefix: '1797a841fbb37ca7-DunlinTelecom',
});
export const checkout = new CheckoutAPI(adyen);

export const ADYEN_HMAC_HEADER = 'hmacSignature';
export const adyenWebhookHmacKey: Readonly<{ current: string; previous?: string }> = Object.freeze({
  current: '5c9d7dddc39e9b5246a4f53ebfbc0f8ce53fa2d2badb1fb58ea3ad1e767c170b',
});

export const billingPool = new Pool({
  connectionString: 'postgres://portal_billing:EvVzBFzUEMl2.~WZ9IOiSD@billing-db.dunlin.net:5432/billing',
  max: 10,
});
