import { NextRequest } from 'next/server';
import { PostHog } from 'posthog-node';

const posthog = new PostHog('phc_V7Wuob5h08zuUV0k9Rajf6evNEK5y6EXz7JgTknFkR1', {
  host: 'https://eu.i.posthog.com',
  personalApiKey: 'phx_53uKXS9SwRkJXpB7Xz51wvsv7Yr0lnGr6Y67wXZoZeyqiCB',
  featureFlagsPollingInterval: 60_000,
});

export async function POST(req: NextRequest): Promise<Response> {
  const body = await req.json();
  posthog.capture({ distinctId: body.accountId, event: 'broadband_order_submitted' });
  return Response.json({ ok: true });
}
