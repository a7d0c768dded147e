// expect: secret-generic-password@54-70
const sessionSecret = process.env.SESSION_SECRET || 'Kw6Zr3Lq9Xt2Vm8P';
// expect-not: secret-generic-password
const stripeKey = process.env.STRIPE_API_KEY;
const apiKey =
  // expect: secret-generic-password@4-20
  'Rz8Lq5Wt2Xk7Vm4N';
// expect-not: secret-generic-password
const API_KEY_HEADER = 'X-Api-Key';
module.exports = { sessionSecret, stripeKey, apiKey, API_KEY_HEADER };
