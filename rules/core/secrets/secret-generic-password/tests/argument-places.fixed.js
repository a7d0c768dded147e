const express = require('express');
const cookieParser = require('cookie-parser');
const jwt = require('jsonwebtoken');
const ldap = require('ldapjs');

const app = express();
// expect: secret-generic-password@23-63
app.use(cookieParser(process.env.COOKIE_SECRET));

function sign(claims) {
  // expect: secret-generic-password@28-92
  return jwt.sign(claims, process.env.JWT_SECRET, { expiresIn: '1h' });
}

function crew() {
  const client = ldap.createClient({ url: 'ldaps://ad.example.test' });
  // expect: secret-generic-password@57-77
  client.bind('cn=svc-crew,ou=svc,dc=example,dc=test', process.env.PASSWORD, (err) => { if (err) throw err; });
  return client;
}

function quiet(claims, key, user, dn, password, handler) {
  // expect-not: secret-generic-password
  jwt.sign(claims, key, { expiresIn: '1h' });
  // expect-not: secret-generic-password
  jwt.sign(claims, process.env.JWT_SECRET);
  // expect-not: secret-generic-password
  ldap.createClient({ url: 'ldaps://ad.example.test' }).bind(dn, password, handler);
  // expect-not: secret-generic-password
  handler.bind(this, user, 'onLoginClick');
  // expect-not: secret-generic-password
  app.use(cookieParser(process.env.COOKIE_SECRET));
}

module.exports = { sign, crew, quiet };
