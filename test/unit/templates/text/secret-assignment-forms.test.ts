import * as assert from 'node:assert/strict';
import { at, ranges } from './generic-password-ranges';

// The generic detector's forms learned from held-out batches 6 and 7 (test/corpus/secrets/README.md), each with
// values of its own: the exact range reported (start and end offsets, never the value in the output),
// and the neighbouring code that must stay quiet.

const V = 'Qm4vT8xWb2NcR7kLzP5s';
const W = 'Hd9fK3pXq6VmB1tYw8Ze';

/** The ranges the core rule reports, as [start, end] offsets. */
describe('text-secret-assignment: forms from held-out batch 6', () => {
  const found: [string, string, string][] = [
    ['C# positional record, target-typed construction', 'Options.cs', `public record Options(string ClientId, string ClientSecret);\nclass D {\n  static readonly Options O = new("svc", "${V}");\n}\n`],
    ['C# positional record, new Name(…) far below', 'Options.cs', `public record Options(string ClientId, string ClientSecret);\n${'\n'.repeat(30)}var o = new Options(\n    "svc",\n    "${V}");\n`],
    ['Go field assignment with a dot in the value', 'a.go', `func d(cfg *Config) {\n\tcfg.Password = "k.${V}"\n}\n`],
    ['Go raw string for a webhook key', 'a.go', `func d(cfg *Config) {\n\tcfg.WebhookKey = \`${V}\`\n}\n`],
    ['Terraform secret-store resource named after the secret', 'main.tf', `resource "aws_ssm_parameter" "billing_api_key" {\n  name  = "/billing/api-key"\n  type  = "SecureString"\n  value = "${V}"\n}\n`],
    ['Terraform secrets manager version', 'main.tf', `resource "aws_secretsmanager_secret_version" "db_password" {\n  secret_id     = aws_secretsmanager_secret.db.id\n  secret_string = "${V}"\n}\n`],
    ['Spring @Value default', 'Config.java', `  @Value("\${billing.api-key:${V}}")\n  private String apiKey;\n`],
    ['Spring default in YAML', 'application.yml', `billing:\n  password: \${BILLING_PASSWORD:${V}}\n`],
    ['name/value object on one line (ECS)', 'task.json', `{ "name": "BILLING_API_KEY", "value": "${V}" }\n`],
    ['name/value object over two lines (ARM app settings)', 'site.json', `{\n  "name": "DB_PASSWORD",\n  "value": "${V}"\n}\n`],
    ['Kotlin by lazy', 'Keys.kt', `object Keys {\n    val apiKey by lazy { "${V}" }\n}\n`],
    ['Kotlin pair in mapOf', 'Keys.kt', `val headers = mapOf("accept" to "application/json", "apiToken" to "${V}")\n`],
    ['PHP Guzzle auth array', 'Client.php', `return ['auth' => ['svc', '${V}'], 'timeout' => 5];\n`],
    ['Python requests auth tuple argument', 'client.py', `requests.get(url, auth=("svc", "${V}"))\n`],
    ['Python session auth tuple', 'client.py', `session.auth = ("svc", "${V}")\n`],
    ['.properties blank separator', 'app.properties', `billing.client-id=svc\nbilling.client-secret   ${V}\n`],
    ['pydantic SecretStr default', 'settings.py', `class S(BaseModel):\n    client_secret: SecretStr = SecretStr("${V}")\n`],
    ['Ruby %q()', 'client.rb', `@webhook_secret = %q(${V})\n`],
    ['Ruby %Q[]', 'client.rb', `API_TOKEN = %Q[${V}]\n`],
    ['Faraday basic authorization arguments', 'client.rb', `f.request :authorization, :basic, "svc", "${V}"\n`],
    ['Ruby || fallback after a credentials lookup', 'client.rb', `def signing_key\n  Rails.application.credentials.signing_key || "${V}"\nend\n`],
    ['TypeScript ?? fallback of a secret-named member', 'a.ts', `return options.apiKey ?? "${V}";\n`],
    ['docker login -p', 'deploy.sh', `docker login registry.internal -u deploy -p '${V}'\n`],
    ['podman login --password', 'deploy.sh', `podman login --username deploy --password ${V} registry.internal\n`],
    ['TOML multi-line string on the next line', 'app.toml', `[webhook]\nsigning_key = """\n${V}"""\n`],
    ['Python triple-quoted string closed on the line below', 'settings.py', `API_TOKEN = '''\n    ${V}\n'''\n`],
    ['XML properties entry', 'app.xml', `<properties>\n  <entry key="billing.client-secret">${V}</entry>\n</properties>\n`],
    ['Android string resource with another attribute', 'strings.xml', `<resources>\n  <string name="maps_api_key" translatable="false">${V}</string>\n</resources>\n`],
    ['workflow step env with a deploy key', 'ci.yml', `    steps:\n      - name: Deploy\n        env:\n          BILLING_DEPLOY_KEY: "${V}"\n`],
  ];
  for (const [form, fileName, text] of found) {
    it(`finds ${form}`, () => {
      const value = text.includes(`k.${V}`) ? `k.${V}` : V;
      const expected = at(text, value);
      assert.deepEqual(ranges(fileName, text), expected);
    });
  }

  it('C#: each construction of a record is read, in any order of the file', () => {
    const text = `var a = new Options("svc", "${W}");\npublic record Options(string ClientId, string ClientSecret);\nOptions b = new("svc", "${V}");\n`;
    assert.deepEqual(ranges('Options.cs', text).sort((x, y) => x[0] - y[0]), at(text, W, V));
  });

  it('C#: a construction far below the record does not hide the secrets on the lines between', () => {
    const text = `public record Options(string ClientId, string ClientSecret);\nclass D {\n  private const string ApiKey = "${W}";\n  static readonly Options O = new("svc", "${V}");\n}\n`;
    assert.deepEqual(ranges('Options.cs', text).sort((x, y) => x[0] - y[0]), at(text, W, V));
  });

  const quiet: [string, string, string][] = [
    ['a record constructed with a lookup', 'Options.cs', 'public record Options(string ClientId, string ClientSecret);\nvar o = new Options("svc", Environment.GetEnvironmentVariable("SECRET"));\n'],
    ['a record parameter that names no secret', 'Options.cs', `public record Options(string ClientId, string Region);\nvar o = new Options("svc", "${V}");\n`],
    ['Go member access in a string', 'a.go', 'cfg.Password = "settings.DbPassword"\n'],
    ['member access starting with an acronym', 'a.go', 'cfg.Password = "OAuth2.ClientPassword1"\n'],
    ['a public token with dots (no longer read as member access)', 'map.py', 'MAP = {"public_token": "pk.Xy7Kq2mWz9.Ab4Cd8Ef1Gh"}\n'],
    ['a webhook key holding a header name', 'a.go', 'cfg.WebhookKey = "X-Hub-Signature-256"\n'],
    ['a Terraform resource whose name is no secret', 'main.tf', `resource "aws_ssm_parameter" "region" {\n  value = "${V}"\n}\n`],
    ['a Terraform resource with a reference', 'main.tf', 'resource "aws_ssm_parameter" "api_key" {\n  value = var.api_key\n}\n'],
    ['a Spring placeholder without a default', 'Config.java', '  @Value("${billing.api-key}")\n'],
    ['a shell error expansion', 'run.sh', 'TOKEN="${TOKEN:?TOKEN must be set}"\n'],
    ['a shell alternate expansion', 'run.sh', 'echo "${API_TOKEN:+set}"\n'],
    ['a name/value object naming no secret', 'task.json', `{ "name": "BILLING_REGION", "value": "${V}" }\n`],
    ['a name/value object with valueFrom', 'task.json', '{ "name": "DB_PASSWORD", "valueFrom": "arn:aws:ssm:eu-west-1:123456789012:parameter/db" }\n'],
    ['by lazy computing the value', 'Keys.kt', '    val apiKey by lazy { loadKey("billing") }\n'],
    ['an auth pair read from the environment', 'client.py', 'requests.get(url, auth=("svc", os.environ["SVC_PASSWORD"]))\n'],
    ['a list of three names under auth', 'Client.php', `$x = ['auth' => ['basic', 'digest', '${V}']];\n`],
    ['an auth flag', 'client.py', 'session.auth = None\n'],
    ['a commented .properties line', 'app.properties', `# billing.client-secret ${V}\n`],
    ['a .properties key with a blank and a placeholder', 'app.properties', 'billing.client-secret ${BILLING_SECRET}\n'],
    ['a blank separator outside .properties', 'app.yaml', `password ${V}\n`],
    ['docker login with a variable', 'deploy.sh', 'docker login registry.internal -u deploy -p "$REGISTRY_PASSWORD"\n'],
    ['docker login reading stdin', 'deploy.sh', 'echo "$PW" | docker login registry.internal -u deploy --password-stdin\n'],
    ['a login that is no registry login', 'deploy.sh', `ssh login.internal -p ${V}\n`],
    ['a multi-line string of several lines', 'app.toml', 'signing_key = """\nfirst line of a document\nsecond line\n"""\n'],
    ['an Android hint string', 'strings.xml', '<string name="password_hint">Password (at least 14 characters)</string>\n'],
    ['an entry key holding a path', 'app.xml', '<entry key="billing.secret-name">billing/prod/dispatch</entry>\n'],
    ['a fallback that is empty', 'a.ts', 'const t = options.apiKey ?? "";\n'],
    ['a fallback of a key that names no secret', 'a.ts', `const t = options.region ?? "${V}";\n`],
  ];
  for (const [form, fileName, text] of quiet) it(`quiet on ${form}`, () => assert.deepEqual(ranges(fileName, text), []));
});

describe('text-secret-assignment: forms from held-out batch 7', () => {
  const HEX = '9c1e4b7a2f58d03e6a4c91b7f2d8e05a3b6c9d14';
  const B64 = 'kT3vQ9mZ2xW7pL5nR8sY4bC1dF6gH0jK+Ea/Uw2Xo5I=';
  const found: [string, string, string, string][] = [
    ['C# auto-property initializer of a …Key holding key material', 'Options.cs', `public string ServiceBusKey { get; init; } = "${B64}";\n`, B64],
    ['TS private static readonly …Key holding hex key material', 'a.service.ts', `class S {\n  private static readonly partnerKey = '${HEX}';\n}\n`, HEX],
    ['PHP typed property …Key', 'Mailer.php', `class M {\n    private string $mandrillKey = '${V}';\n}\n`, V],
    ['JS computed header-constant key', 'gw.js', `const c = f({ headers: { [API_KEY_HEADER]: '${V}' } });\n`, V],
    ['Python subscript by a header constant', 'gw.py', `headers[TOKEN_HEADER] = "${V}"\n`, V],
    ['YAML value after an anchor', 'app.yml', `partners:\n  - name: a\n    token: &partner_token ${V}\n`, V],
    ['a nested dict fernet key', 'settings.py', `S = {\n    "crypto": {\n        "fernet_key": "${V}",\n    },\n}\n`, V],
    ['a fixture returning a (user, password) tuple', 'conftest.py', `@pytest.fixture\ndef driver_credentials():\n    return ("driver-7", "${V}")\n`, V],
    ['.properties key = value with blanks and a hyphenated master-key', 'app.properties', `app.crypto.master-key = ${V}\n`, V],
    ['.properties key:value', 'app.properties', `app.partner.token:${V}\n`, V],
    ['XML element text on the line after its tag', 'pom.xml', `<properties>\n    <jib.to.auth.password>\n      ${V}\n    </jib.to.auth.password>\n</properties>\n`, V],
    ['Python member login(user, password)', 'ingest.py', `    ftp.login("svc", "${V}")\n`, V],
    ['OkHttp Credentials.basic(user, password)', 'Client.kt', `fun auth(): String = Credentials.basic("svc", "${V}")\n`, V],
    ['PHP new PDO(dsn, user, password)', 'Db.php', `return new PDO('pgsql:host=db;dbname=app', 'svc', '${V}');\n`, V],
  ];
  for (const [form, fileName, text, value] of found) {
    it(`finds ${form}`, () => assert.deepEqual(ranges(fileName, text), at(text, value)));
  }

  const quiet: [string, string, string][] = [
    ['a TS enum member naming the Authorization header', 'a.ts', "export enum AuthHeader {\n  ApiKey = 'X-Partner-Key',\n  Token = 'Authorization',\n}\n"],
    ['a cache key holding a hash', 'a.ts', `const cacheKey = '${HEX}';\n`],
    ['a …Key holding a word', 'a.ts', "const partnerKey = 'northwind-partner-default';\n"],
    ['a …Key holding a public key encoding', 'a.ts', "const signerKey = 'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA2x';\n"],
    ['a …Key unquoted in YAML (names, not key material, in configuration)', 'app.yml', `partnerKey: ${V}\n`],
    ['a computed header key holding a header name', 'gw.js', "const c = { [API_KEY_HEADER]: 'X-Api-Key' };\n"],
    ['a computed key that is no header constant', 'gw.js', `const c = { [REGION]: '${V}' };\n`],
    ['a YAML anchor on a non-secret key', 'app.yml', `partners:\n  - region: &r ${V}\n`],
    ['an XML element holding a document of several lines', 'pom.xml', '<jib.to.auth.password>\n  first line\n  second line\n</jib.to.auth.password>\n'],
    ['a fixture returning three items', 'conftest.py', `def driver_credentials():\n    return ("a", "b", "${V}")\n`],
    ['a login() with a lookup', 'ingest.py', 'ftp.login("svc", os.environ["FTP_PASSWORD"])\n'],
  ];
  for (const [form, fileName, text] of quiet) it(`quiet on ${form}`, () => assert.deepEqual(ranges(fileName, text), []));

  it('a bare `key` attribute does not hide the secret-named key inside its value', () => {
    const text = `<add key="PartnerApiKey" value="${V}" />\n`;
    assert.deepEqual(ranges('app.config', text), at(text, V));
  });
});
