'use strict';
// Alumni giving site (give.wren.edu): hapi server, Braintree and Square for gifts, Mailgun receipts, Asana tasks.
const Hapi = require('@hapi/hapi');
const Bell = require('@hapi/bell');
const braintree = require('braintree');
const { Client, Environment } = require('square');
const formData = require('form-data');
const Mailgun = require('mailgun.js');
const Asana = require('asana');
const mysql = require('mysql2/promise');

const init = async () => {
  const server = Hapi.server({ port: 8080, host: '0.0.0.0' });
  await server.register(Bell);

  server.state('giving_session', {
    ttl: 24 * 60 * 60 * 1000,
    isSecure: true,
    encoding: 'iron',
    password: 'UZxAQYsKaP4ASkSDiNFcKEd41aTIwEy4pgDE5yWc',
  });

  server.auth.strategy('wren-sso', 'bell', {
    provider: { name: 'wren', protocol: 'oauth2', auth: 'https://sso.wren.edu/oauth2/authorize', token: 'https://sso.wren.edu/oauth2/token' },
    password: process.env.BELL_COOKIE_PASSWORD,
    clientId: 'give-wren-edu',
    clientSecret: process.env.SSO_CLIENT_SECRET,
    isSecure: true,
  });

  const gateway = new braintree.BraintreeGateway({ accessToken: 'access_token$production$cmwppritcjlqfba7$e00869e9025a152e9972d115733e3243' });
  const square = new Client({ accessToken: 'EAAA047EMSjw0y-b_AmhdXOEPUkojkoqBO4nD88p5fLKADtM4ScCqLyVleQVbCW5', environment: Environment.Production });
  const mg = new Mailgun(formData).client({ username: 'api', key: '0081d3a979c759fa650ce8eee557c982-b2125b5e-069a5aff' });

  Asana.ApiClient.instance.authentications.token.accessToken = '2/9777411752431489/6549733550208495:b02031aaaf10302c110b50916b36fcfa';

  const pool = mysql.createPool('mysql://giving_app:rGFW8u8elGgI~GT@giving-db.wren.internal:3306/giving');

  server.app = { gateway, square, mg, pool };
  await server.start();
};

init();
