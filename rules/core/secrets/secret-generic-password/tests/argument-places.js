const express = require('express');
const cookieParser = require('cookie-parser');
const jwt = require('jsonwebtoken');
const ldap = require('ldapjs');

const app = express();
// expect: secret-generic-password@23-63
app.use(cookieParser('MgMoU5VF6RDZc5TLndiHQzA183gimo56YunVvUju'));

function sign(claims) {
  // expect: secret-generic-password@28-92
  return jwt.sign(claims, '3e710f939a623dc7818f9c12da6ebf1a7a19612041d6a12cc97cf3c61df882b7', { expiresIn: '1h' });
}

function crew() {
  const client = ldap.createClient({ url: 'ldaps://ad.example.test' });
  // expect: secret-generic-password@57-77
  client.bind('cn=svc-crew,ou=svc,dc=example,dc=test', 'ydyedpDIhlK5LC9SHB-f', (err) => { if (err) throw err; });
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
