'use strict';
const Koa = require('koa');

// A login checked against literals keeps its password right there.
function validate(username, password, req, reply, done) {
  // expect: secret-generic-password@43-61
  if (username === 'ops' && password === 'yWzVRaEiH7lcvY92P9') return done();
  // A password compared alone is a check (an empty or default value), not where one is kept.
  // expect-not: secret-generic-password
  if (password === 'Welcome123') return done(new Error('change the default password'));
  // expect-not: secret-generic-password
  if (username === 'ops' && password === process.env.OPS_PASSWORD) return done();
  done(new Error('bad credentials'));
}

const app = new Koa();
// Cookie-signing keys, newest first: the first item is read.
// expect: secret-generic-password@14-57
app.keys = ['uz_Is6wNLXEyCsWCWJnGY8xschaiZk0anyzu7_rWgrA', 'rotated-out'];
// expect-not: secret-generic-password
app.keys = [process.env.COOKIE_KEY];
// expect-not: secret-generic-password
const keys = ['vesselName', 'berth'];

module.exports = { validate, app, keys };
