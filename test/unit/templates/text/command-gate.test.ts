import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { compileCommandGate } from '../../../../server/src/engine/templates/text/command-gate';
import { commandLineSecrets } from '../../../../server/src/engine/templates/text/command-secrets';
import { compileCommandTable, type CommandLineParams } from '../../../../server/src/engine/templates/text/command-table';
import { compileKeyClassifier, type KeyNameParams } from '../../../../server/src/engine/templates/text/secret-key-names';

// The command-line model's gate (command-gate.ts) with the core pack's parameters: a line it refuses is never read,
// so every line the model reads a secret from must pass it, however the shell quotes the words; the lines it
// refuses are those holding options with no secret in them. Values are made up here.

const V = 'Tn6qW2xLp9Rk4ZvB8cMd';
const CORE = (parse(fs.readFileSync(path.join(__dirname, '../../../../rules/core/secrets/secret-generic-password/rule.yaml'), 'utf8')) as { match: { params: KeyNameParams & { commandLines: CommandLineParams } } }).match.params;
const table = compileCommandTable(CORE.commandLines);
const isSecretKey = compileKeyClassifier(CORE);
const gate = compileCommandGate(table, isSecretKey);

/** The values the model reads from `line` with the gate open: what a closed gate would lose. */
function modelValues(line: string): string[] {
  return [...commandLineSecrets(line, [0], { table, isSecretKey, gate: () => true })].map((a) => a.value);
}

describe('command-line gate: a line is read only when it can hold a finding', () => {
  const read: [string, string][] = [
    ['a secret-named option', `tool --db-password ${V}`],
    ['a secret-named option written in quotes, in parts', `tool --pass"word"=${V}`],
    ['an option after an escaped dash', `tool -\\-password ${V}`],
    ['an option starting a quoted command', `sh -c"--api-token ${V}"`],
    ['a licence option', `setup -serial AB12-CD34-EF56-GH78`],
    ['a glued table option (mysql -p)', `mysql -u root -p'${V}' db`],
    ['a table command written in quoted parts', `my"sql" -p${V} db`],
    ['a table command by a quoted Windows path with its .exe', `"C:\\Tools\\signtool.exe" sign /p ${V} a.exe`],
    ['a table option after a continued line', `zip \\\n  -P ${V} out.zip in`],
    ['an argument place', `net user builder ${V}`],
    ['a login subcommand', `tool login builder ${V}`],
    ['a URL with a secret-named query parameter', `curl "https://h.example/x?format=json&token=${V}"`],
    ['a password after `user NAME using`', `db2 connect to DB user dbadm using "${V}"`],
    ['a password after `IDENTIFIED BY` in a quoted statement', `mysql -e "CREATE USER 'a'@'%' IDENTIFIED BY '${V}'"`],
    ['a password after a bare `password` keyword', `nmcli dev wifi connect Lab-5G password ${V}`],
  ];
  for (const [what, line] of read) {
    it(`reads ${what}`, () => assert.equal(gate(line), true));
  }
  it('reads every line of the list above that the model reads a secret from', () => {
    const withSecret = read.filter(([, line]) => modelValues(line).length > 0);
    assert.ok(withSecret.length >= 13, `${withSecret.length} lines with a secret`);
    for (const [what, line] of withSecret) assert.equal(gate(line), true, what);
  });

  const skipped: [string, string][] = [
    ['options without a secret (a Dockerfile RUN block)', 'RUN set -eux; \\\n    apt-get install -y --no-install-recommends gzip ca-certificates; \\\n    rm -rf /var/lib/apt/lists/*'],
    ['a table command name inside another word or a path part (gzip, .zip, securityContext)', 'curl -fsSL -o a.zip https://h.example/master.zip && gzip -d b.gz # securityContext'],
    ['a table command without its option', 'openssl req -new -x509 -days 365 -out cert.pem'],
    ['a table option without its command', 'mkdir -p /opt/app && tar -xzf a.tgz -C /opt'],
    ['an option that asks for a secret rather than taking one', 'ssh-add --ask-pass -t 60'],
    ['an argument place command without its subcommand', 'net start svc -y'],
    ['`password` as a mapping value, `using` with no user before it', 'echo { key: password } && git commit -m fixed using rebase'],
  ];
  for (const [what, line] of skipped) {
    it(`skips ${what}`, () => {
      assert.deepEqual(modelValues(line), []);
      assert.equal(gate(line), false);
    });
  }
});
