const assert = require('node:assert');
const { seedClinics } = require('../../scripts/seed');

// Fixtures for the clinic onboarding flow. The practitioner below is a fake person.
const practitioner = {
  id: 'af7d7bc5-5309-4fcd-964d-8bac0ad6a5c0',
  email: 'dr.okafor@example.org',
  passwordHash: '$2b$12$' + 'Q9bT1y3rVdPp2uJf8Lx0uO7sB0hI4kZmWnA6cE5gR1tY2vX3zD4eC',
  password: 'correct horse battery staple',
  apiToken: 'fNHprWUAwppdSk9q5IRRYDXfByUzdM26k5efI2rI',
};

describe('seedClinics', () => {
  it('creates the clinic and its practitioner', async () => {
    const clinic = await seedClinics({
      name: 'Riverside Family Practice',
      stripeAccount: 'acct_1PqR8sT2uV3wX4yZ',
      practitioner,
      mailer: { auth: { user: 'seed@meridian.test', pass: 'MJHZZlR1HERi16gSFm_9Lld' } },
    });
    assert.equal(clinic.practitioners.length, 1);
  });

  it('rejects a token of the wrong kind', () => {
    assert.throws(() => seedClinics({ token: 'not-a-token' }), /invalid/);
  });
});
