import * as assert from 'node:assert/strict';
import { at, ranges } from './generic-password-ranges';

// The generic detector's forms learned from held-out batch 8 (test/corpus/secrets/README.md, item 9), each
// with values of its own: the exact range reported (start and end offsets, never the value in the output),
// and the neighbouring code that must stay quiet. Decided by syntax or by the value's shape, never by value.

const V = 'Wp6tNc3Qz8RkLm2Vx9Hb';
const W = 'Jf4sYd7Gq1TzKe5Rn8Ua';
const HEX = 'e41b9c07d2f86a35b1c4e9d07a2f6b38';
const B64 = 'r7Kd2QmX9vTz4LpW1nYc8HsB5fJe3GaU0iOq6Rt';
/** Django's generator draws from `!@#$%^&*(-_=+)`: brackets in it do not balance. */
const DJANGO = 'k3&v9!q)w#7z@(m2^x5*p8=r_t+y0-u4jd';
const b64 = (s: string): string => Buffer.from(s).toString('base64');

describe('text-secret-assignment: forms from held-out batch 8', () => {
  const registry = b64(JSON.stringify({ auths: { 'registry.shop.test': { username: 'ci', password: V, auth: b64(`ci:${V}`) } } }));
  const found: [string, string, string, string][] = [
    ['a bare "Key" under "Jwt" (appsettings.json)', 'appsettings.json', `{\n  "Jwt": {\n    "Issuer": "shop",\n    "Key": "${B64}"\n  }\n}\n`, B64],
    ['an environment assignment before a command in an npm script', 'package.json', `{\n  "scripts": {\n    "smoke": "SHOP_API_KEY=${V} node smoke.js --ci"\n  }\n}\n`, V],
    ['the same after cross-env and another assignment', 'package.json', `{ "scripts": { "e2e": "cross-env CI=1 SHOP_API_TOKEN=${V} playwright test" } }\n`, V],
    ['key material first in a `keys` array (cookie-session, Keygrip)', 'server.js', `app.use(session({\n  keys: ['${HEX}'],\n}))\n`, HEX],
    ['a Tomcat Environment named by a JNDI path', 'context.xml', `<Context>\n  <Environment name="shop/partnerApiKey" value="${HEX}" type="java.lang.String"/>\n</Context>\n`, HEX],
    ['redis-server --requirepass in an exec-form compose command', 'docker-compose.yml', `services:\n  cache:\n    command: ["redis-server", "--requirepass", "${V}"]\n`, V],
    ['an option and its value as items of a spawn argument list', 'run.js', `spawn('vault', ['login', '-method=userpass', '--password', '${V}']);\n`, V],
    ['an Ansible !unsafe string', 'all.yml', `relay_password: !unsafe '${V}'\n`, V],
    ['a YAML !!str tag', 'app.yml', `api_token: !!str ${V}\n`, V],
    ['a redis requirepass as a folded scalar on the next line', 'all.yml', `redis_requirepass: >-\n  ${V}\n`, V],
    ['a Go raw string in []byte passed to SignedString', 'auth.go', `func sign(t *jwt.Token) (string, error) {\n\treturn t.SignedString([]byte(\`${V}\`))\n}\n`, V],
    ['JJWT hmacShaKeyFor with "…".getBytes() on a continuation line', 'Keys.java', `    return Keys.hmacShaKeyFor(\n            "${V}${W}".getBytes(StandardCharsets.UTF_8));\n`, `${V}${W}`],
    ['java-jwt Algorithm.HMAC256', 'Tokens.java', `    Algorithm algorithm = Algorithm.HMAC256("${V}");\n`, V],
    ['a TOML routing_key holding 32 random hex characters (PagerDuty)', 'app.toml', `[alerts.pagerduty]\nrouting_key = "${HEX}"\n`, HEX],
    ['SQL CREATE USER … WITH PASSWORD', '01-users.sql', `CREATE USER shop_app WITH PASSWORD '${V}';\n`, V],
    ['SQL CREATE ROLE … LOGIN PASSWORD in a psql heredoc', 'provision.sh', `psql "$ADMIN_URL" <<SQL\nCREATE ROLE shop_ro LOGIN PASSWORD '${V}';\nSQL\n`, V],
    ['SQL ALTER USER … PASSWORD in a string', 'migrate.py', `cur.execute("ALTER USER shop_app WITH PASSWORD '${V}'")\n`, V],
    ["mysql -p'…' glued to its option", 'backup.sh', `mysqldump -h db -u root -p'${V}' shop > shop.sql\n`, V],
    ['a django-environ default= argument with unbalanced brackets', 'settings.py', `SECRET_KEY = env("APP_SECRET_KEY", default="${DJANGO}")\n`, DJANGO],
    ['a python-decouple default=', 'settings.py', `EMAIL_HOST_PASSWORD = config('EMAIL_HOST_PASSWORD', default='${V}')\n`, V],
    ['a Joi schema .default()', 'app.module.ts', `  validationSchema: Joi.object({\n    DATABASE_PASSWORD: Joi.string().min(12).default('${V}'),\n  }),\n`, V],
    ['a password_confirmation keyword', 'seeds.rb', `User.create!(\n  email: "desk@shop.test",\n  password_confirmation: "${V}",\n)\n`, V],
    ['an ODBC PWD with a padded =', 'odbc.ini', `[shop]\nDriver      = ODBC Driver 18 for SQL Server\nUID         = reader\nPWD         = ${V}\n`, V],
    ['the first item of an express-session secret array', 'server.js', `app.use(session({\n  secret: ['${HEX}', process.env.SESSION_SECRET_OLD],\n}));\n`, HEX],
    ['a Helm value holding a base64 .dockerconfigjson with a password', 'values.yaml', `registry:\n  dockerconfigjson: ${registry}\n`, registry],
    ['a Pusher app secret (the secret beside the public key)', '.env', `PUSHER_APP_KEY=${HEX}\nPUSHER_APP_SECRET=${V}\n`, V],
  ];
  for (const [form, fileName, text, value] of found) {
    it(`finds ${form}`, () => assert.deepEqual(ranges(fileName, text), at(text, value)));
  }

  const anonymous = b64(JSON.stringify({ auths: { 'registry.shop.test': { auth: b64('ci:') } } }));
  const quiet: [string, string, string][] = [
    ['a bare "Key" under a parent that names no secret', 'appsettings.json', `{\n  "Cache": {\n    "Key": "${B64}"\n  }\n}\n`],
    ['a Jwt KeyId (a UUID)', 'appsettings.json', '{\n  "Jwt": {\n    "KeyId": "0c6b2f1e-8d4a-4f3b-9e2c-7a1d5b3c9e8f"\n  }\n}\n'],
    ['an npm script passing a variable', 'package.json', '{ "scripts": { "e2e": "SHOP_API_KEY=$SHOP_API_KEY playwright test" } }\n'],
    ['an npm script setting a non-secret variable', 'package.json', `{ "scripts": { "e2e": "SHOP_REGION=${V} playwright test" } }\n`],
    ['a JNDI name that names a setting', 'context.xml', '<Environment name="shop/passwordPolicy" value="min14upper" type="java.lang.String"/>\n'],
    ['an exec-form option reading a variable', 'docker-compose.yml', '    command: ["redis-server", "--requirepass", "$REDIS_PASSWORD"]\n'],
    ['an exec-form option naming a file', 'docker-compose.yml', '    command: ["app", "--password-file", "/run/secrets/app_password"]\n'],
    ['an Ansible vault value', 'all.yml', 'relay_password: !vault |\n  $ANSIBLE_VAULT;1.1;AES256\n  3633613438306435\n'],
    ['an Ansible !unsafe template reference', 'all.yml', "relay_password: !unsafe '{{ vault_relay_password }}'\n"],
    ['SignedString with a variable', 'auth.go', '\treturn t.SignedString([]byte(os.Getenv("JWT_SIGNING_KEY")))\n'],
    ['hmacShaKeyFor of a field', 'Keys.java', '    return Keys.hmacShaKeyFor(\n            secret.getBytes(StandardCharsets.UTF_8));\n'],
    ['"…".getBytes() passed to a call that takes no key', 'Digest.java', `    digest.update(\n            "${V}".getBytes(StandardCharsets.UTF_8));\n`],
    ['a TOML routing_key that is a name', 'app.toml', '[queues.orders]\nrouting_key = "orders.created.v2"\n'],
    ['an AMQP routing key pattern', 'consumer.py', 'channel.queue_bind(queue="q", exchange="shop", routing_key="shop.orders.#")\n'],
    ['a PostgreSQL md5 password hash', '01-users.sql', `CREATE USER shop_ro WITH ENCRYPTED PASSWORD 'md5${HEX}';\n`],
    ['a psql variable as the password', 'provision.sh', "CREATE ROLE shop_ro LOGIN PASSWORD :'shop_ro_password';\n"],
    ['a password that is no SQL statement', 'notes.sql', `-- rotate the password '${V}' yearly\n`],
    ['mysql reading the password from a variable', 'backup.sh', 'mysqldump -u root -p"$MYSQL_ROOT_PASSWORD" shop > shop.sql\n'],
    ["a glued -p'…' of another command", 'build.sh', `mkdir -p'${V}'\n`],
    ['a django-environ setting with a default that is no literal', 'settings.py', 'SECRET_KEY = env("APP_SECRET_KEY", default=None)\nDEBUG = env("DEBUG", default=False)\n'],
    ['a Joi default for a setting', 'app.module.ts', `    DATABASE_HOST: Joi.string().default('${V}'),\n`],
    ['a working directory in upper case', 'run.sh', 'PWD=/srv/shop\n'],
    ['a pwd variable in code', 'paths.py', `pwd = "${V}"\n`],
    ['a lookup cut short at its closing bracket (Python in a YAML block)', 'deploy.yaml', '      model = load(\n          token=os.environ["HF_HUB_TOKEN"]\n      )\n'],
    ['a secret array of lookups', 'server.js', '  secret: [process.env.SESSION_SECRET, process.env.SESSION_SECRET_OLD],\n'],
    // Not key material: `keys: ['<hex>']` is, since batch 15 (Keygrip and cookie-session sign with their `keys`).
    ['an array of names under `keys`', 'server.js', `  keys: ['created_at', 'updated_at'],\n`],
    ['a Helm .dockerconfigjson without a password', 'values.yaml', `registry:\n  dockerconfigjson: ${anonymous}\n`],
    ["Pusher's public app key (Laravel and Vite)", '.env', `PUSHER_APP_KEY=${HEX}\nVITE_PUSHER_APP_KEY="\${PUSHER_APP_KEY}"\nMIX_PUSHER_APP_KEY=${HEX}\n`],
    ["a SealedSecret's encryptedData (ciphertext)", 'sealed.yaml', `kind: SealedSecret\nspec:\n  encryptedData:\n    API_TOKEN: AgB${B64}${V}\n    DB_PASSWORD: AgC${W}${B64}\n`],
  ];
  for (const [form, fileName, text] of quiet) it(`quiet on ${form}`, () => assert.deepEqual(ranges(fileName, text), []));

  it('a secret beside encryptedData, under another parent, is still found', () => {
    const text = `spec:\n  encryptedData:\n    API_TOKEN: AgB${B64}\n  template:\n    stringData:\n      API_TOKEN: ${V}\n`;
    assert.deepEqual(ranges('sealed.yaml', text), at(text, V));
  });
});
