import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
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

// The core rule's own params, for the forms and names it is configured for.
const CORE = (parse(fs.readFileSync(path.join(__dirname, '../../../../rules/core/secrets/secret-generic-password/rule.yaml'), 'utf8')) as { match: { params: unknown } }).match.params;

function foundByCoreRule(fileName: string, text: string): string[] {
  return runTemplate(secretAssignment, CORE, fileName, text).spanned;
}

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

  describe('with the core rule: forms beyond `key = literal` on one line', () => {
    const cases: [string, string][] = [
      ['a.js', `const token = process.env.TOKEN || '${V}';`],
      ['a.ts', `const token = cfg.token ?? "${V}";`],
      ['App.kt', `val token: String = System.getenv("TOKEN") ?: "${V}"`],
      ['a.py', `token = os.getenv("TOKEN", "${V}")`],
      ['a.py', `token = settings.get("token") or "${V}"`],
      ['a.rb', `TOKEN = ENV.fetch("TOKEN") { "${V}" }`],
      ['a.php', `$token = $t ?? getenv('TOKEN') ?: '${V}';`],
      ['a.php', `define('AUTH_KEY', '${V}');`],
      ['Main.java', `String t = System.getProperty("app.token", "${V}");`],
      ['Main.java', `ds.setPassword("${V}");`],
      ['Main.java', `props.put("mail.smtp.password", "${V}");`],
      ['main.go', `req.Header.Set("X-Api-Key", "${V}")`],
      ['main.go', `req.SetBasicAuth("svc", "${V}")`],
      ['main.go', `signingKey := []byte("${V}")`],
      ['App.cs', `var signingKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes("${V}"));`],
      ['App.cs', `public string ApiToken { get; set; } = "${V}";`],
      ['deploy.sh', `curl -H "X-Api-Key: ${V}" https://x.internal`],
      ['deploy.sh', `TOKEN="\${TOKEN:-${V}}"`],
      ['deploy.sh', `: "\${TOKEN:=${V}}"`],
      ['Web.config', `<add key="ApiToken" value="${V}" />`],
      ['beans.xml', `<property name="password" value="${V}"/>`],
      ['a.js', `const jwtKey = '${V}';`],
      ['a.js', `const signingKey = '${V}';`],
      ['a.js', `const encryptionKey = '${V}';`],
      ['a.php', `'app_key' => '${V}',`],
      ['a.js', `const hmacKey = "${V}";`],
    ];
    for (const [fileName, line] of cases) it(`${fileName}: ${line.slice(0, 70)}`, () => assert.deepEqual(foundByCoreRule(fileName, line), [V]));

    it('values with digits, hex, or over 200 characters are literals, not names', () => {
      const hex = '9c1e4b7a2f8d3e6a5b0c7d2e9f4a1b8c';
      assert.deepEqual(foundByCoreRule('values.yaml', 'password: s3cr3t-pa55w0rd-2024'), ['s3cr3t-pa55w0rd-2024']);
      assert.deepEqual(foundByCoreRule('app.env', `SIGNING_KEY=${hex}`), [hex]);
      assert.deepEqual(foundByCoreRule('a.js', `const encryptionKey = '${hex}-${hex}';`), [`${hex}-${hex}`]);
      assert.deepEqual(foundByCoreRule('app.env', `LONG_TOKEN=${V.repeat(20)}`), [V.repeat(20)]);
    });

    it('a minified script line is not read; the same assignment on a normal line is', () => {
      const filler = 'function a(b){return b+1}'.repeat(200);
      assert.deepEqual(foundByCoreRule('bundle.js', `${filler}var c={apiToken:"${V}"};${filler}\n`), []);
      assert.deepEqual(foundByCoreRule('bundle.js', `var c = { apiToken: "${V}" };\n`), [V]);
      assert.deepEqual(foundByCoreRule('app.json', `{"x":"${'y'.repeat(5000)}","apiToken":"${V}"}`), [V], 'JSON lines are data, read whatever their length');
    });

    it('a value on the line after its key (YAML, JS, Python, a Java builder)', () => {
      assert.deepEqual(foundByCoreRule('values.yaml', `redis:\n  password:\n    ${V}\n`), [V]);
      assert.deepEqual(foundByCoreRule('a.js', `const apiKey =\n  // rotated monthly\n  '${V}';\n`), [V]);
      assert.deepEqual(foundByCoreRule('a.py', `API_KEY = (\n    "${V}"\n)\n`), [V]);
      assert.deepEqual(foundByCoreRule('Mail.java', `Smtp.builder()\n    .password(\n        "${V}")\n    .build();\n`), [V]);
      assert.deepEqual(foundByCoreRule('Db.java', `DriverManager.getConnection("jdbc:postgresql://db/app",\n    "app",\n    "${V}");\n`), [V]);
      assert.deepEqual(foundByCoreRule('values.yaml', `password:\n  nested: ${V}\n`), [], 'a nested map is not a continued value');
    });
  });

  describe('with the core rule: stays quiet', () => {
    const cases: [string, string][] = [
      ['a.js', `const API_KEY_HEADER = 'X-Api-Key';`],
      ['a.py', 'client_token = "3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f"'],
      ['a.py', 'token = "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"'],
      ['a.py', 'token = os.getenv("TOKEN", "")'],
      ['a.go', 'func hashPassword(p string) string { return p }'],
      ['a.java', 'user.checkPassword("Zq7mKx9Tf4bLFAKE");'],
      ['lib.min.js', `var t={password:"${V}"}`],
      ['vendor/x/a.js', `var t={password:"${V}"}`],
      ['package-lock.json', `"token": "${V}"`],
      ['a.py', 'pass'],
    ];
    for (const [fileName, line] of cases) it(`${fileName}: ${line.slice(0, 70)}`, () => assert.deepEqual(foundByCoreRule(fileName, line), []));
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
    it('answers each key for itself with its answers remembered, also after the memo was emptied when full', () => {
      const classify = compileKeyClassifier(PARAMS);
      const asked = [...yes, ...no];
      for (let round = 0; round < 3; round++) {
        for (const key of asked) assert.equal(classify(key), yes.includes(key), `${key}, round ${round}`);
        // Thousands of other keys: the memo fills and is emptied between rounds.
        for (let i = 0; i < 5000; i++) assert.equal(classify(`field${i}${i % 2 === 0 ? 'Token' : 'Name'}`), i % 2 === 0);
      }
    });
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

    it('offers nothing inside comments, in YAML or XML', () => {
      assert.equal(fixed('a.py', `import os\n# DB_PASSWORD = "${V}"\n`), undefined);
      assert.equal(fixed('a.js', `// const password = "${V}";\n`), undefined);
      assert.equal(fixed('a.yaml', `password: ${V}\n`), undefined);
      assert.equal(fixed('settings.xml', `<password>${V}</password>\n`), undefined);
    });

    it('Go: os.Getenv, adding "os" to the import block, a single import or after the package clause', () => {
      assert.equal(fixed('a.go', `package a\n\nimport (\n\t"fmt"\n)\n\nvar dbPassword = "${V}"\n`), `package a\n\nimport (\n\t"os"\n\t"fmt"\n)\n\nvar dbPassword = os.Getenv("DB_PASSWORD")\n`);
      assert.equal(fixed('a.go', `package a\n\nimport "fmt"\n\nvar dbPassword = "${V}"\n`), `package a\n\nimport "os"\nimport "fmt"\n\nvar dbPassword = os.Getenv("DB_PASSWORD")\n`);
      assert.equal(fixed('a.go', `package a\n\nimport "os"\n\nvar dbPassword = "${V}"\n`), `package a\n\nimport "os"\n\nvar dbPassword = os.Getenv("DB_PASSWORD")\n`);
      assert.equal(fixed('a.go', `package a\n\nfunc f() { token := "${V}"; _ = token }\n`), `package a\n\nimport "os"\n\nfunc f() { token := os.Getenv("TOKEN"); _ = token }\n`);
    });

    it('Go: never in a constant, where a call does not compile', () => {
      assert.equal(fixed('a.go', `package a\n\nconst dbPassword = "${V}"\n`), undefined);
      assert.equal(fixed('a.go', `package a\n\nconst (\n\tdbPassword = "${V}"\n)\n`), undefined);
    });

    it('Java, Kotlin, C#, Ruby, PHP: their environment lookups', () => {
      assert.equal(fixed('Main.java', `String password = "${V}";\n`), 'String password = System.getenv("PASSWORD");\n');
      assert.equal(fixed('Main.java', `ds.setPassword("${V}");\n`), 'ds.setPassword(System.getenv("PASSWORD"));\n');
      assert.equal(fixed('App.kt', `val apiToken = "${V}"\n`), 'val apiToken = (System.getenv("API_TOKEN") ?: error("API_TOKEN is not set"))\n');
      assert.equal(fixed('App.cs', `using System;\nvar apiToken = "${V}";\n`), 'using System;\nvar apiToken = Environment.GetEnvironmentVariable("API_TOKEN");\n');
      assert.equal(fixed('App.cs', `var apiToken = "${V}";\n`), 'var apiToken = System.Environment.GetEnvironmentVariable("API_TOKEN");\n');
      assert.equal(fixed('app.rb', `client = Client.new(api_token: "${V}")\n`), 'client = Client.new(api_token: ENV.fetch("API_TOKEN"))\n');
      assert.equal(fixed('app.php', `$config = ['db_password' => '${V}'];\n`), "$config = ['db_password' => getenv('DB_PASSWORD')];\n");
    });

    it('never where a constant is required or the literal is a fallback', () => {
      assert.equal(fixed('App.kt', `const val API_TOKEN = "${V}"\n`), undefined);
      assert.equal(fixed('App.cs', `private const string ApiToken = "${V}";\n`), undefined);
      assert.equal(fixed('App.cs', `void Connect(string password = "${V}") {}\n`), undefined);
      assert.equal(fixed('a.php', `class A { private string $apiToken = '${V}'; }\n`), undefined);
      assert.equal(fixed('a.js', `const token = process.env.TOKEN || '${V}';\n`), undefined);
      assert.equal(fixed('a.sh', `API_TOKEN="\${API_TOKEN:-${V}}"\n`), undefined);
    });

    it('TypeScript: a declared string keeps compiling', () => {
      assert.equal(fixed('a.ts', `const apiToken: string = '${V}';\n`), 'const apiToken: string = process.env.API_TOKEN!;\n');
    });
  });
});
