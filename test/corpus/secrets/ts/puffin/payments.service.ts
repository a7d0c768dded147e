import { Injectable } from '@nestjs/common';
import Stripe from 'stripe';
import { LinearClient } from '@linear/sdk';
import { createClient } from '@supabase/supabase-js';

type GatewayConfig = { merchantId: string; apiSecret: string };

const ADYEN: GatewayConfig = {
  merchantId: 'PuffinFerriesECOM',
  apiSecret: process.env.ADYEN_API_SECRET ?? '',
} satisfies GatewayConfig;

@Injectable()
export class PaymentsService {
  readonly #webhookSecret = 'whsec_5pVCg1BMCFajl6gZNkwq0cs2z5ML8V4q';
  private readonly stripe = new Stripe('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', { apiVersion: '2024-06-20' });
  private readonly linear = new LinearClient({ apiKey: 'lin_api_qjZcVvzjDeeEazuAuYKZ4E4ubqRbE2wDlLYiDzZa' });
  private readonly supabase = createClient('https://puffin.supabase.co', process.env.SUPABASE_SERVICE_ROLE_KEY!);

  get gatewayApiKey(): string {
    return 'TrPKDdDeknd886AiKOLnjd2eH1rIGRZ660QOhSg5';
  }

  verify(signature: string, body: string) {
    return this.stripe.webhooks.constructEvent(body, signature, this.#webhookSecret);
  }
}

export const crewPortalPreview = 'eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJzdWIiOiAicHJldmlldyIsICJyb2xlIjogImd1ZXN0In0.';
export const OPS_TOKEN = `eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJzdmMta3YxbW5pIiwiaXNzIjoiaHR0cHM6Ly9hdXRoLnB1ZmZpbi1mZXJyaWVzLnRlc3QiLCJhdWQiOiJib29raW5nLWFwaSIsImlhdCI6MTc5NjYyMTM2NiwiZXhwIjoxODI4MTU3MzY2LCJzY29wZSI6ImJvb2tpbmdzOnJlYWQgYm9va2luZ3M6d3JpdGUiLCJqdGkiOiJkYThhNWNjOS1jMTZiLTRhOWMtOTk3My1iN2NlZmY4ZjU2YWUifQ.mwIo0YVi1wsmMEKJ-Le3vcKVe3-3aBFGokLCyAcZwGY`;
