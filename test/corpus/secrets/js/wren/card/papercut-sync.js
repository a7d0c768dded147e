'use strict';
// Sync print quota top-ups from the campus card system (CBORD, SQL Server) into PaperCut MF.
const xmlrpc = require('xmlrpc');
const { Connection, Request } = require('tedious');
const PgBoss = require('pg-boss');

const papercut = xmlrpc.createSecureClient({ host: 'print.wren.edu', port: 9192, path: '/rpc/api/xmlrpc' });

function adjustBalance(user, amount, comment) {
  return new Promise((resolve, reject) => {
    papercut.methodCall(
      'api.adjustUserAccountBalance',
      ['iMsc2eXgD5GHDka4SxpbL5D7', user, amount, comment],
      (err, ok) => (err ? reject(err) : resolve(ok)),
    );
  });
}

const cbord = new Connection({
  server: 'cbord-sql01.wren.internal',
  authentication: {
    type: 'default',
    options: { userName: 'print_sync', password: 'H2Z7zd-Z_PTX.UjEs0sF' },
  },
  options: { database: 'CSGOLD', encrypt: true, trustServerCertificate: false },
});

const boss = new PgBoss('postgres://print_jobs:ooXYWA83MQ.uNF2n6iG1@jobs-db.wren.internal/print');

module.exports = { adjustBalance, cbord, boss, Request };
