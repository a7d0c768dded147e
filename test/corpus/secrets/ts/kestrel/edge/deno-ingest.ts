// Deno Deploy: collects player heartbeats and forwards them to the analytics pipeline.
import { Hono } from 'jsr:@hono/hono';
import { createClient } from 'npm:@clickhouse/client-web';

const app = new Hono();
const clickhouse = createClient({
  url: 'https://ch.kestrel.tv:8443',
  username: 'ingest',
  password: Deno.env.get('CLICKHOUSE_PASSWORD') ?? '!j%qVdJhbz!hhPdN.2^l%wNi',
});

const kv = await Deno.openKv();
const SIGNING_SECRET = new TextEncoder().encode('UsLBjoWdiD6gCX8wXKf7cBNiPEoBgvCgsoycF0MZENFN');

app.post('/hb', async (c) => {
  const body = await c.req.json();
  await clickhouse.insert({ table: 'heartbeats', values: [body], format: 'JSONEachRow' });
  await kv.set(['last', body.deviceId], Date.now());
  return c.body(null, 204);
});

app.get('/alerts/test', async (c) => {
  await fetch('https://discord.com/api/webhooks/5698131642032662791/-e1FqHc0GsroYvL5bODutQ_xnIuX00AVDj0m-y9IgZJxMx5Lj92ewoYan1WXz4ahc50t', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ content: 'ingest alive' }),
  });
  return c.text('ok');
});

void SIGNING_SECRET;
Deno.serve(app.fetch);
