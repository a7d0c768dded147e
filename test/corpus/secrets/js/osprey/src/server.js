'use strict';

const path = require('node:path');
const Fastify = require('fastify');

const fastify = Fastify({ logger: { level: process.env.LOG_LEVEL || 'info' }, trustProxy: true });

fastify.register(require('@fastify/cookie'), {
  secret: 'pNfajPwowWg5JucJKBtW1.JIkz6hfvO8',
  parseOptions: { sameSite: 'lax', secure: true },
});

fastify.register(require('@fastify/jwt'), {
  secret: process.env.PORTAL_JWT_SECRET || 'd25eddb1b02ec9337e01b77ac112c5ea9dbd5f4ab3e85fecb5cdf2d5c3e6dad1',
  sign: { expiresIn: '15m', iss: 'osprey-portal' },
});

fastify.register(require('@fastify/basic-auth'), {
  authenticate: { realm: 'osprey-ops' },
  validate(username, password, req, reply, done) {
    if (username === 'ops' && password === 'rY*y+=*3nAGeRus6Rq') return done();
    done(new Error('bad credentials'));
  },
});

fastify.register(require('@fastify/static'), { root: path.join(__dirname, '..', 'public') });

fastify.get('/healthz', async () => ({ ok: true }));

module.exports = fastify;
