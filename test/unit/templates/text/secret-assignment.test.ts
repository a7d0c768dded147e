import * as assert from 'node:assert/strict';
import { applyFixes } from '../../../../server/src/engine/fixes';
import { envNameOf } from '../../../../server/src/engine/templates/text/assignment-fix';
import { secretAssignment } from '../../../../server/src/engine/templates/text/secret-assignment';
import { compileKeyClassifier } from '../../../../server/src/engine/templates/text/secret-key-names';
import { runTemplate } from './run-template';

// The generic detector's params as the core rule sets them, reduced to what these cases need.
const PARAMS = {
  keywords: ['pass', 'pwd', 'secret', 'token', 'api_key', 'apikey', 'api-key', 'credential'],
  keyEndings: ['password', 'passwd', 'secret', 'token', 'credentials', 'api key', 'apikey'],
  qualifiedKeyEndings: ['pass', 'pwd'],
  ignoreKeys: ['(?i)^existing'],
  unquotedValueFiles: ['(?i)\\.(?:ya?ml|env|ini|properties)$', '(?i)^\\.env', '(?i)dockerfile'],
  dockerfileFiles: ['(?i)dockerfile'],
  deferTo: ['^ghp_'],
  minLength: 8,
  minEntropy: 2.5,
};
const V = 'Zq7mKx9Tf4bLFAKE';

function found(fileName: string, text: string): string[] {
  return runTemplate(secretAssignment, PARAMS, fileName, text).spanned;
}

describe('text-secret-assignment', () => {
  describe('finds the value in each syntax', () => {
    const cases: [string, string][] = [
      ['compose.yaml', `POSTGRES_PASSWORD: ${V}`],
      ['compose.yaml', `  - "DB_PASSWORD=${V}"`],
      ['compose.yaml', `auth: { password: '${V}' }`],
      ['values.yml', `password: "${V}" # comment`],
      ['config.json', `{"user":"app","password":"${V}"}`],
      ['app.env', `export API_TOKEN=${V}`],
      ['.env.production', `DB_PASS=${V}`],
      ['app.ini', `password = ${V}`],
      ['app.properties', `db.password=${V}`],
      ['settings.py', `PASSWORD = r'${V}'`],
      ['settings.py', `connect(password="${V}")`],
      ['settings.py', `SECRET: str = "${V}"`],
      ['main.ts', `const apiKey: string = '${V}';`],
      ['main.js', `module.exports = { clientSecret: "${V}" }`],
      ['main.go', `token := "${V}"`],
      ['Main.java', `private static final String DB_PASSWORD = "${V}";`],
      ['app.php', `'password' => '${V}',`],
      ['config.rb', `config[:api_key] = "${V}"`],
      ['Dockerfile', `ENV DB_PASSWORD ${V}`],
      ['Dockerfile', `RUN mysql --password=${V} db`],
      ['settings.xml', `<password>${V}</password>`],
      ['main.tf', `password = "${V}"`],
    ];
    for (const [fileName, line] of cases) it(`${fileName}: ${line}`, () => assert.deepEqual(found(fileName, line), [V]));
  });

  describe('stays quiet on what is not a hardcoded secret', () => {
    const cases: [string, string][] = [
      ['compose.yaml', 'password: ${DB_PASSWORD}'],
      ['values.yaml', 'password: "{{ .Values.password }}"'],
      ['values.yaml', 'existingSecret: release-name-postgresql'],
      ['values.yaml', 'secretName: api-tls'],
      ['values.yaml', 'tokenSecretRef: vault-token'],
      ['values.yaml', 'password: |'],
      ['values.yaml', 'password: *defaultPassword'],
      ['values.yaml', 'password: !vault |'],
      ['values.yaml', 'password_file: /run/secrets/db'],
      ['values.yaml', 'token_url: https://auth.example.com/token'],
      ['values.yaml', 'url: https://x.example.com/a?token:abc'],
      ['values.yaml', 'max_tokens: 4096'],
      ['values.yaml', 'password: DB_PASSWORD_FROM_ENV'],
      ['values.yaml', 'password: mysql-root-password'],
      ['values.yaml', `client_secret: ${V.slice(0, 7)}`],
      ['values.yaml', 'password: aaaaaaaaaaaa'],
      ['values.yaml', 'password: Enter your password here'],
      ['k8s.yaml', 'password: cGFzc3dvcmQ='],
      ['app.env', 'PWD=/srv/app'],
      ['app.env', 'GITHUB_TOKEN='],
      ['app.env', `GITHUB_TOKEN=ghp_${V}${V}1234`],
      ['lodash.js', "'allPass': 'overEvery',"],
      ['main.ts', `password: ${V}`],
      ['main.ts', 'const password = process.env.DB_PASSWORD;'],
      ['main.ts', 'const header = `Bearer ${token}`;'],
      ['main.ts', "export const REFRESH_TOKEN = 'refreshToken';"],
      ['main.ts', "throw new Error('Token: expired or invalid');"],
      ['main.ts', `if (password === '${V}') {}`],
      ['main.py', 'API_KEY = os.environ["API_KEY"]'],
      ['main.py', 'token = f"Bearer {api_token}"'],
      ['main.py', `if password != "${V}": pass`],
      ['main.go', 'token := os.Getenv("TOKEN")'],
      ['README.md', `The password: ${V}`],
      ['Dockerfile', 'ARG NPM_TOKEN'],
    ];
    for (const [fileName, line] of cases) it(`${fileName}: ${line}`, () => assert.deepEqual(found(fileName, line), []));
  });

  it('reports a key once even when it holds two keywords', () => {
    assert.equal(found('a.yaml', `secret_token: ${V}`).length, 1);
  });

  it('reports the key and never the value in its data', () => {
    const [report] = runTemplate(secretAssignment, PARAMS, 'a.env', `DB_PASSWORD=${V}`).reports;
    assert.deepEqual(report.data, { key: 'DB_PASSWORD', secret: `…(${V.length} chars)` });
  });

  describe('key names', () => {
    const isSecret = compileKeyClassifier(PARAMS);
    const yes = ['password', 'DB_PASSWORD', 'dbPassword', 'mypassword', 'clientSecret', 'x-api-key', 'X_API_KEY', 'apikey', 'GITHUB_TOKEN', 'smtp_pass', 'DB-PWD', 'aws.credentials'];
    const no = ['passwordFile', 'secretName', 'secretKeyRef', 'token_url', 'max_tokens', 'pwd', 'pass', 'bypass', 'allPass', 'monkey', 'tokenizer', 'keyId'];
    for (const key of yes) it(`${key} names a secret`, () => assert.equal(isSecret(key), true));
    for (const key of no) it(`${key} does not`, () => assert.equal(isSecret(key), false));
  });

  describe('suggestions', () => {
    const fixed = (fileName: string, text: string): string | undefined => {
      const run = runTemplate(secretAssignment, PARAMS, fileName, text);
      const fixes = run.reports.flatMap((r) => r.fixes ?? []);
      return fixes.length ? applyFixes(text, fixes).text : undefined;
    };

    it('derives the environment variable name from the key', () => {
      assert.deepEqual(['dbPassword', 'x-api-key', 'SMTP_PASS', 'clientSecretKey', '2fa_token'].map(envNameOf), ['DB_PASSWORD', 'X_API_KEY', 'SMTP_PASS', 'CLIENT_SECRET_KEY', '_2FA_TOKEN']);
    });

    it('Python: reads os.environ, importing os before the first import when needed', () => {
      assert.equal(fixed('a.py', `import os\nDB_PASSWORD = "${V}"\n`), 'import os\nDB_PASSWORD = os.environ["DB_PASSWORD"]\n');
      assert.equal(fixed('a.py', `from __future__ import annotations\nimport sys\nDB_PASSWORD = "${V}"\n`), 'from __future__ import annotations\nimport os\nimport sys\nDB_PASSWORD = os.environ["DB_PASSWORD"]\n');
      assert.equal(fixed('a.py', `DB_PASSWORD = "${V}"\n`), undefined, 'no import to anchor on: no fix');
      assert.equal(fixed('a.py', `import os\nDB_PASSWORD = b"${V}"\n`), undefined, 'bytes would change type');
    });

    it('JavaScript/TypeScript: reads process.env', () => {
      assert.equal(fixed('a.ts', `const cfg = { "api-key": '${V}' };`), 'const cfg = { "api-key": process.env.API_KEY };');
    });

    it('.env: keeps the key and drops the value, CRLF intact', () => {
      assert.equal(fixed('.env', `A=1\r\nDB_PASSWORD="${V}"\r\n`), 'A=1\r\nDB_PASSWORD=\r\n');
    });

    it('offers nothing inside comments, in YAML, or for other languages', () => {
      assert.equal(fixed('a.py', `import os\n# DB_PASSWORD = "${V}"\n`), undefined);
      assert.equal(fixed('a.js', `// const password = "${V}";\n`), undefined);
      assert.equal(fixed('a.yaml', `password: ${V}\n`), undefined);
      assert.equal(fixed('Main.java', `String password = "${V}";\n`), undefined);
    });
  });
});
