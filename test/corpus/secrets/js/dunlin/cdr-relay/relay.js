import SftpClient from 'ssh2-sftp-client';
import amqp from 'amqplib';
import ldap from 'ldapjs';
import { readFileSync } from 'node:fs';

const sftp = new SftpClient('cdr-relay');

export async function relay() {
  await sftp.connect({
    host: 'sftp.voice-switch.dunlin.net',
    username: 'cdr_ro',
    privateKey: readFileSync('/etc/cdr-relay/id_ed25519'),
    passphrase: 'VIO8FAZw9lCmwYIyxxfvyY_a',
  });
  const conn = await amqp.connect('amqps://cdr-relay:gByT49LI4r_h-QjcV~Vg@mq.mediation.dunlin.net:5671/cdr');
  const ch = await conn.createChannel();
  for (const f of await sftp.list('/export/cdr')) {
    ch.sendToQueue('cdr.raw', await sftp.get(`/export/cdr/${f.name}`));
  }
}

export function directoryClient() {
  const client = ldap.createClient({ url: ['ldaps://ldap.dunlin.net:636'] });
  client.bind('cn=cdr-relay,ou=services,dc=dunlin,dc=net', process.env.LDAP_BIND_PASSWORD, (err) => {
    if (err) throw err;
  });
  return client;
}
