import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { secretAssignment } from '../../../../server/src/engine/templates/text/secret-assignment';
import { runTemplate } from './run-template';

// Batch 17's command-line forms through the core pack's parameters: a grammar keyword before a password, a secret
// prompt answered by `send`, a password typed twice into `passwd`, a literal with no user piped into chpasswd, a header named for its vendor's key, shell
// start-up and expect files read as commands, one item of a comma-separated `key=value` list. Values are made up here.

const V = 'Rw5kN9xTq2Lm7ZcB4vHd';
const CORE = (parse(fs.readFileSync(path.join(__dirname, '../../../../rules/core/secrets/secret-generic-password/rule.yaml'), 'utf8')) as { match: { params: Record<string, unknown> } }).match.params;

describe('text-secret-assignment: batch 17 command-line forms', () => {
  const found: [string, string, string, string][] = [
    ['a password after `user NAME using`', 'load.sh', `db2 connect to POLDB user loader using "${V}"\n`, 'using'],
    ['a password after `IDENTIFIED BY` in a quoted statement', 'init.sh', `mysql -e "CREATE USER 'app'@'%' IDENTIFIED BY '${V}'"\n`, 'IDENTIFIED BY'],
    ['a password after a bare `password` keyword', 'wifi.sh', `nmcli dev wifi connect Lab-5G password ${V}\n`, 'password'],
    ['an expect answer to a password prompt, in a heredoc', 'ssh.sh', `expect <<EOF\nspawn ssh ops@h\nexpect "*assword*"\nsend "${V}\\r"\nEOF\n`, 'send'],
    ['an expect answer in an expect script', 'login.exp', `spawn ssh ops@h\nexpect -re "Enter passphrase"\nsend -- "${V}\\n"\n`, 'send'],
    ['a new password typed twice into passwd from a here-document', 'users.sh', `sudo passwd ops <<EOF\n${V}\n${V}\nEOF\n`, 'passwd'],
    ['a literal with no user piped into chpasswd', 'Dockerfile', `RUN echo "${V}" | chpasswd\n`, 'chpasswd'],
    ['a header named for its vendor key in a CI run block', 'ci.yml', `      - run: |\n          curl -X POST https://cdn.test/purge -H "Fastly-Key: ${V}"\n`, 'Fastly-Key'],
    ['one item of a Helm `--set` list, not the items after it', 'deploy.sh', `helm upgrade app ./chart --set db.password=${V},db.user=app\n`, 'db.password'],
    ['one item of a mount option list', 'mount.sh', `mount -t cifs //nas/share /mnt -o username=svc,password=${V},uid=0\n`, 'password'],
    ['an option in a shell start-up file', '.bashrc', `deploy-tool --api-token ${V} && echo ok\n`, '--api-token'],
  ];
  for (const [what, file, text, key] of found) {
    it(`finds ${what}`, () => {
      const { spanned, reports } = runTemplate(secretAssignment, CORE, file, text);
      assert.deepEqual({ spanned, key: reports[0]?.data?.key }, { spanned: [V], key });
    });
  }
  const quiet: [string, string, string][] = [
    ['`using` without a user before it', 'build.sh', `git commit -m fixed using ${V}\n`],
    ['a bare `password` in prose', 'notes.sh', `echo password reset for ${V}\n`],
    ['a `user:password` line piped into chpasswd (secret-credential-in-uri reads it)', 'Dockerfile', `RUN echo "ops:${V}" | chpasswd\n`],
    ['an expect answer to a prompt that asks no secret', 'ssh.sh', `expect <<EOF\nexpect "Continue?"\nsend "${V}\\r"\nEOF\n`],
    ['an expect answer that substitutes a variable', 'login.exp', `expect "*assword*"\nsend "$env(OPS_PASS)\\r"\n`],
    ['a here-document to passwd whose two lines differ', 'users.sh', `passwd ops <<EOF\n${V}\nother-${V}\nEOF\n`],
    ['a here-document to passwd typing a variable twice', 'users.sh', `passwd ops <<EOF\n$NEW_PASS\n$NEW_PASS\nEOF\n`],
    ['a here-document to a command that sets no password', 'load.sh', `psql app <<EOF\n${V}\n${V}\nEOF\n`],
    ['`identified by` in a help text', 'delete.yaml', `      help_text: |\n        The member removed from the group identified by group-email.\n`],
    ['`identified by` with no user before it', 'run.sh', `echo the host identified by ${V}\n`],
    ['a vendor-key header whose value is a header word', 'trailer_test.go', `package http\n\nconst raw = "POST / HTTP/1.1\\r\\n" +\n\t"Trailer-Key: Trailer-Value\\r\\n" +\n\t"\\r\\n"\n`],
    ['a header whose key identifies a request', 'ci.yml', `      - run: curl -H "Idempotency-Key: ${V}" https://pay.test/charges\n`],
    ['a WebSocket handshake key', 'ws.sh', `curl -H "Sec-WebSocket-Key: ${V}" https://ws.test/\n`],
  ];
  for (const [what, file, text] of quiet) {
    it(`stays quiet on ${what}`, () => assert.deepEqual(runTemplate(secretAssignment, CORE, file, text).spanned, []));
  }
});
