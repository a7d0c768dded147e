const axios = require('axios');
const { S3Client } = require('@aws-sdk/client-s3');
const { Octokit } = require('@octokit/rest');
const Mailgun = require('mailgun.js');
const formData = require('form-data');
const { Client: SshClient } = require('ssh2');
const ldap = require('ldapjs');
const Twilio = require('twilio');

const s3 = new S3Client({
  region: 'eu-west-1',
  credentials: {
    accessKeyId: process.env.ARCHIVE_AWS_KEY_ID,
    secretAccessKey: process.env.ARCHIVE_AWS_SECRET,
  },
});

const octokit = new Octokit({ auth: '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' });

const mg = new Mailgun(formData).client({ username: 'api', key: 'key-7873a6527b4e838737438f878f02ba34', url: 'https://api.eu.mailgun.net' });

const sms = Twilio('AC' + 'f3e1c0b7a9d24e6f8b1a2c3d4e5f6a7b', '1f648cd5d9694ca98df3ddfd3ce2d5d9');

const timetableApi = axios.create({
  baseURL: 'https://timetables.partner.test/api',
  auth: { username: 'puffin', password: process.env.TIMETABLE_PASSWORD },
});

const fuelApi = axios.create({
  baseURL: 'https://bunker.fuel-partner.test',
  headers: { 'X-Api-Key': process.env.FUEL_API_KEY, 'Content-Type': 'application/json' },
});

function openSftp() {
  const conn = new SshClient();
  conn.connect({ host: 'sftp.port-authority.test', port: 22, username: 'puffin', password: process.env.SFTP_PASSWORD });
  return conn;
}

function crewLdap() {
  const client = ldap.createClient({ url: 'ldaps://ad.puffin.internal' });
  client.bind('cn=svc-crew,ou=svc,dc=puffin,dc=local', 'Gyoo2ggmNV5EJ!w.nFgf', (err) => { if (err) throw err; });
  return client;
}

async function tokenFor(scope) {
  const body = new URLSearchParams({
    grant_type: 'client_credentials',
    client_id: 'puffin-checkin',
    client_secret: 'JWEnM6jceICAkdJaCNhueBm3iegyzPLI1duhgi39MFC73IGy',
    scope,
  });
  return axios.post('https://idp.puffin-ferries.test/oauth2/token', body);
}

const discordAlerts = 'https://discord.com/api/webhooks/1145423370563147532/DwR5IWxf8dhBsxsrppuaTyBx6rzeAbgnVbxQKjid-L2ACE9ps36D_dNFyQFti-fMMPYR';

module.exports = { s3, octokit, mg, sms, timetableApi, fuelApi, openSftp, crewLdap, tokenFor, discordAlerts };
