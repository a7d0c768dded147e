const fs = require('node:fs');
const SftpClient = require('ssh2-sftp-client');
const axios = require('axios');
const { App } = require('@slack/bolt');

async function pushManifest(local, remote) {
  const sftp = new SftpClient();
  await sftp.connect({
    host: 'sftp.genomix-partners.com',
    username: 'avocet_manifests',
    privateKey: fs.readFileSync('/etc/bridge/id_ed25519'),
    passphrase: 'Q+TuRYEIXfB~g4njmS-I57_R',
  });
  await sftp.put(local, remote);
  await sftp.end();
}

// Aspera node API on the transfer server: HTTP basic with the node user.
const aspera = axios.create({
  baseURL: 'https://ats.avocet.bio:9092',
  auth: { username: 'node_avocet', password: 'k3aBMLd+l3mg+QrJLkz_' },
});

const slack = new App({
  token: process.env.SLACK_BOT_TOKEN,
  signingSecret: process.env.SLACK_SIGNING_SECRET,
  appToken: 'xapp-1-ATB41MLSZFW-7859757848477-e938c7fd5bb24c056c5fb0e560c41b847ff54d9fb82ded1e1fe0b65816386f0e',
  socketMode: true,
});

module.exports = { pushManifest, aspera, slack };
