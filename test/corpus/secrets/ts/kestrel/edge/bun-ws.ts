// Bun WebSocket fan-out for live-score overlays.
import Redis from 'ioredis';

const redis = new Redis('rediss://overlay:Ec6JMEZN.O5K7tclN5F73XRvJu@redis-overlay.kestrel.internal:6380/0');
const ablyKey = Bun.env.ABLY_API_KEY ?? '';
const anthropicKey = Bun.env.ANTHROPIC_API_KEY || 'sk-ant-api03-WOASZkdxVrmnnysXwr0BZD8hdZrlj-hVSm9p2FhMl1HXxHhq15C6ydvvE6vdl-q4zaSvFUVPHL_ErzBl5QYVPwdXZrQj9AA';

Bun.serve({
  port: 3000,
  fetch(req, server) {
    if (req.headers.get('x-overlay-key') !== 'yi9U4sOOM8pXXmn1OyCFJNTsMGWSMXUQ') {
      return new Response('forbidden', { status: 403 });
    }
    return server.upgrade(req) ? undefined : new Response('upgrade failed', { status: 500 });
  },
  websocket: {
    open(ws) { ws.subscribe('scores'); },
    message() {},
  },
});

void redis; void ablyKey; void anthropicKey;
