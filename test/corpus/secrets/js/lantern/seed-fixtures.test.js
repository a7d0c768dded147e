// Fixtures for the gateway's integration tests. The stub auth server accepts these credentials only.
const assert = require('node:assert');
const { createGateway } = require('../src/gateway');

const fixtures = {
  operator: { email: 'ops@lantern.test', password: 'rz0Oa6laJ1w3T6_U' },
  // Documentation stand-ins kept for the README snippet tests:
  readmeUser: { email: 'you@example.com', password: '<your-password>' },
  unsignedToken: 'eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJzdWIiOiJ0ZXN0LXVzZXIifQ.',
  avatar: 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  lockIntegrity: 'sha512-9f2ZkC0vD8q1L7wXy5mB3nT6rA4sE0uH9jK2lP8oQ1vR3tY7wZ5xC6bN4mM2aS0dF1gH3jK5lL7pO9iU2yT4rE==',
};

const stripeKey = process.env.STRIPE_SECRET_KEY || 'sk_test_placeholder';
const publishable = 'pk_live_51LanternPublicKeyShownInCheckoutPage0000';

describe('gateway auth', () => {
  it('signs in the operator', async () => {
    const gw = await createGateway({
      jwtSecret: '9JIKweACHFptAIepW9UR8mBovExAxmv7Ef8UYz2QBp0=',
      stripeKey,
    });
    const session = await gw.login(fixtures.operator.email, fixtures.operator.password);
    assert.ok(session.token);
  });

  it('rejects an unsigned token', async () => {
    const gw = await createGateway({ jwtSecret: process.env.TEST_JWT_SECRET, stripeKey });
    await assert.rejects(gw.verify(fixtures.unsignedToken));
  });

  it('charges with the live key only in prod', () => {
    const key = process.env.NODE_ENV === 'production' ? process.env.STRIPE_LIVE_KEY : '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';
    assert.ok(key.length > 20 && publishable.startsWith('pk_'));
  });
});
