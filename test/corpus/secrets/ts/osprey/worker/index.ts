import { Hono } from 'hono';
import { basicAuth } from 'hono/basic-auth';
import { bearerAuth } from 'hono/bearer-auth';
import { jwt } from 'hono/jwt';

type Bindings = { JWT_SECRET?: string; GATE_EVENTS: Queue };

const app = new Hono<{ Bindings: Bindings }>();

app.use(
  '/admin/*',
  basicAuth({
    username: 'harbourmaster',
    password: 'm-J4Lom.p_l3!nYGPwQg',
  }),
);

// terminal gate cameras post OCR'd container numbers with this token
app.use('/gate/*', bearerAuth({ token: 'cT_82Gxh0-g5v3Yj4SRgmECNj-2XJtIDJLJSmpYG' }));

app.use('/api/*', (c, next) => jwt({ secret: c.env.JWT_SECRET ?? '127da22f27050f227d1c03128f0db36aee1dbf9a549fbed8' })(c, next));

app.post('/gate/events', async (c) => {
  await c.env.GATE_EVENTS.send(await c.req.json());
  return c.json({ queued: true }, 202);
});

export default app;
