import * as assert from 'node:assert/strict';
import { at, ranges } from './generic-password-ranges';

// The generic detector's forms learned from held-out batch 9 (test/corpus/secrets/README.md, item 10), each
// with values of its own: the exact range reported (start and end offsets, never the value in the output),
// and the neighbouring code that must stay quiet. Decided by syntax or by the value's shape, never by value.

const V = 'Qm7vR2xLp9Tz4KwN8cHd';
const W = 'Ht3qZ8mVn5Lx2RcJ7bPe';
const HEX = 'a93f0c7e51d82b46e0f9c3a7d158e62b';
const HEX64 = `${HEX}7c2e9f04b6d13a85c0e7f29b4d6a1358`;
const B64 = 'Zr4Nq8Xv2Lm6Tp0Wc9Yb3Hk7Jd5Fs1Ga/Ue+Qi2Ro';
const KEY_ID = 'Q4RX7NTB2KW9MZPL';

describe('text-secret-assignment: forms from held-out batch 9', () => {
  const found: [string, string, string, string][] = [
    ['a C# method-call setter with a capitalised name (MassTransit h.Password)', 'Program.cs', `cfg.Host("mq", h =>\n{\n    h.Username("orders");\n    h.Password("${V}");\n});\n`, V],
    ['a .NET user-secrets colon key', 'secrets.json', `{\n  "Mail:Smtp:Password": "${V}",\n  "Mail:Smtp:Host": "smtp.shop.test"\n}\n`, V],
    ['a fallback after Deno.env.get', 'ingest.ts', `const db = connect({\n  password: Deno.env.get('SHOP_DB_PASSWORD') ?? '${V}',\n});\n`, V],
    ['a pydantic Field positional default', 'settings.py', `class Settings(BaseSettings):\n    search_api_key: str = Field("${V}", description="search cluster key")\n`, V],
    ['a pydantic Field default=', 'settings.py', `class Settings(BaseSettings):\n    billing_token: str = Field(default="${V}", repr=False)\n`, V],
    ['a quoted generated password starting with ! after Deno.env.get', 'ingest.ts', `  password: Deno.env.get('SHOP_DB_PASSWORD') ?? '!t%7Rm^Qx2!vLp9.Zk4^w',\n`, '!t%7Rm^Qx2!vLp9.Zk4^w'],
    ["a createHmac key literal", 'verify.ts', `const mac = createHmac('sha256', '${V}').update(body).digest('hex');\n`, V],
    ['a CDK SecretValue.unsafePlainText literal', 'stack.ts', `const token = SecretValue.unsafePlainText('${V}');\n`, V],
    ['an Azure Pipelines variable pair named …Key', 'azure-pipelines.yml', `variables:\n  - name: buildConfiguration\n    value: Release\n  - name: PartnerSigningKey\n    value: ${B64}\n`, B64],
    ['an INI env = KEY=value (uwsgi)', 'uwsgi.ini', `[uwsgi]\nenv = DJANGO_SETTINGS_MODULE=shop.settings\nenv = SHOP_API_KEY=${HEX64}\n`, HEX64],
    ['an INI env = NAME_KEY=… holding key material (uwsgi)', 'uwsgi.ini', `[uwsgi]\nenv = THUMBS_KEY=${HEX64}\n`, HEX64],
    ['a Splunk HEC token (a UUID) after its scheme', 'providers.tf', `    header_name  = "Authorization"\n    header_value = "Splunk 3f9c1e7a-52d8-4b06-9e1f-a7c40d2b8e65"\n`, '3f9c1e7a-52d8-4b06-9e1f-a7c40d2b8e65'],
    ['a JAAS password=\\"…\\" in a concatenated Java string on a continuation line', 'Kafka.java', `        props.put(SaslConfigs.SASL_JAAS_CONFIG,\n            "org.apache.kafka.common.security.plain.PlainLoginModule required username=\\"orders\\" "\n                + "password=\\"${V}\\";");\n`, V],
    ['a Gradle buildConfigField string holding a quoted key', 'build.gradle.kts', `        buildConfigField("String", "SHOP_API_KEY", "\\"${HEX}\\"")\n`, HEX],
    ['a Quarkus rest-client header ending in -Key', 'application.properties', `quarkus.rest-client.shop.headers.X-Shop-Key=${V}\n`, V],
    ['Rails secure_compare of a password with a literal', 'sidekiq.rb', `  ActiveSupport::SecurityUtils.secure_compare(user, 'ops') &\n    ActiveSupport::SecurityUtils.secure_compare(password, '${V}')\n`, V],
    ['a request header compared with a literal', 'ws.ts', `  if (req.headers.get('x-shop-key') !== '${V}') {\n`, V],
    ['Twilio.init with the password on the next line', 'Notify.java', `    static {\n        Twilio.init("ACa1b2c3d4e5f60718293a4b5c6d7e8f90",\n            "${HEX}");\n    }\n`, HEX],
    ['a header_value beside header_name = "Authorization"', 'providers.tf', `  logging_https {\n    header_name  = "Authorization"\n    header_value = "Splunk ${W}"\n  }\n`, W],
    ['a TOML token written with its Bearer scheme', 'config.toml', `[registries.shop]\ntoken = "Bearer ${V}"\n`, V],
    ['a Faraday authorization with its scheme as an argument', 'sync.rake', `  f.request :authorization, 'Bearer', '${V}'\n`, V],
    ['a Helm segmentWriteKey', 'values.yaml', `analytics:\n  segmentWriteKey: ${V}\n`, V],
    ['a map named after secrets with neutral partner keys (Go)', 'webhook.go', `var partnerSecrets = map[string]string{\n\t"north-feed": "${HEX64}",\n}\n`, HEX64],
    ['a Record named after keys with neutral partner keys (TS)', 'hmac.ts', `const PARTNER_KEYS: Record<string, string> = {\n  northfeed: '${HEX64}',\n  southfeed: process.env.SOUTH_KEY ?? '',\n};\n`, HEX64],
    ['a PHP class constant array named after secrets', 'Hooks.php', `    private const SIGNING_SECRETS = [\n        'northfeed' => '${HEX64}',\n    ];\n`, HEX64],
  ];
  for (const [form, fileName, text, value] of found) {
    it(`finds ${form}`, () => assert.deepEqual(ranges(fileName, text), at(text, value)));
  }

  const quiet: [string, string, string][] = [
    ['a C# setter reading configuration', 'Program.cs', '    h.Password(builder.Configuration["Mq:Password"]);\n'],
    ['a C# hashing call', 'Users.cs', `    var hash = hasher.HashPassword("${V}");\n`],
    ['a colon key naming no secret', 'secrets.json', `{ "Mail:Smtp:Host": "${V}" }\n`],
    ['a colon key with a placeholder', 'secrets.json', '{ "Mail:Smtp:Password": "<your-password>" }\n'],
    ['Deno.env.get without a fallback', 'ingest.ts', "  password: Deno.env.get('SHOP_DB_PASSWORD') ?? '',\n"],
    ['a pydantic Field without a literal default', 'settings.py', '    search_api_key: SecretStr = Field(..., description="search cluster key")\n'],
    ['a createHmac key read from a variable', 'verify.ts', "const mac = createHmac('sha256', process.env.HOOK_SECRET!).update(body);\n"],
    ['a createHash of a literal (no key)', 'etag.ts', `const h = createHash('sha256').update('${V}').digest('hex');\n`],
    ['SecretValue.secretsManager', 'stack.ts', "const token = SecretValue.secretsManager('shop/api-token');\n"],
    ['an Azure Pipelines variable pair naming no secret', 'azure-pipelines.yml', `variables:\n  - name: imageRepository\n    value: ${B64}\n`],
    ['an Azure Pipelines secret from a variable group macro', 'azure-pipelines.yml', 'variables:\n  - name: PartnerSigningKey\n    value: $(partner-signing-key)\n'],
    ['a container env list (the Kubernetes rules judge it)', 'deploy.yaml', `containers:\n  - env:\n      - name: TRUST_STORE_PASSWORD\n        value: ${V}\n`],
    ['an INI env = NAME_KEY=… holding a name', 'uwsgi.ini', '[uwsgi]\nenv = CACHE_KEY=thumbs-v2-prefix\n'],
    ['a UUID under a key, without a scheme (an id)', 'app.toml', 'tenant_token_id = "3f9c1e7a-52d8-4b06-9e1f-a7c40d2b8e65"\n'],
    ['a YAML tag before a value', 'template.yaml', '  MasterUserPassword: !Ref DbPasswordParameter\n'],
    ['a negated flag in code', 'auth.ts', '  const password = !passwordlessLoginEnabled;\n'],
    ["a Stripe publishable key under a bare _KEY name", '.env', `STRIPE_KEY=pk_live_${V}${W}\n`],
    ['a JAAS password from a variable', 'Kafka.java', '                + "password=\\"" + password + "\\";");\n'],
    ['a buildConfigField reading a Gradle property', 'build.gradle.kts', '        buildConfigField("String", "SHOP_API_KEY", "\\"${shopApiKey}\\"")\n'],
    ['a Quarkus header naming no key', 'application.properties', `quarkus.rest-client.shop.headers.X-Shop-Region=${V}\n`],
    ['secure_compare of a user name', 'sidekiq.rb', "  ActiveSupport::SecurityUtils.secure_compare(user, 'operations')\n"],
    ['a secret compared with an empty string or a stand-in', 'auth.ts', "  if (password === '' || token !== 'changeme') return;\n"],
    ['a variable compared with a literal (a check, as before)', 'auth.ts', `  if (input.password === '${V}') throw new Error('invalid');\n`],
    ['a header compared with a variable', 'ws.ts', "  if (req.headers.get('x-shop-key') !== expectedKey) {\n"],
    ['an INI env = naming no secret', 'uwsgi.ini', `[uwsgi]\nenv = SHOP_REGION=${V}\n`],
    ['Twilio.init with a variable', 'Notify.java', '        Twilio.init(System.getenv("TWILIO_SID"),\n            System.getenv("TWILIO_TOKEN"));\n'],
    ['a header_value beside another header name', 'providers.tf', `    header_name  = "X-Request-Source"\n    header_value = "Splunk ${W}"\n`],
    ['a TOML Bearer token from the environment', 'config.toml', 'token = "Bearer ${REGISTRY_TOKEN}"\n'],
    ['a Faraday authorization from the environment', 'sync.rake', "  f.request :authorization, 'Bearer', ENV.fetch('CRM_TOKEN')\n"],
    ['a write-key setting about one', 'values.yaml', 'analytics:\n  segmentWriteKeySecretName: segment-write-key\n'],
    ['a map named after secrets holding names', 'webhook.go', 'var partnerSecrets = map[string]string{\n\t"north-feed": "north-feed-webhook-secret",\n}\n'],
    ['a map of neutral keys not named after secrets', 'feeds.go', `var partnerFeeds = map[string]string{\n\t"north-feed": "${HEX64}",\n}\n`],
    ['a PostHog project key (public, phc_)', 'docker-compose.yml', `    environment:\n      POSTHOG_PROJECT_API_KEY: phc_${V}${W}abc\n`],
    ['a Mapbox public token (pk.)', 'next.config.ts', `  env: {\n    NEXT_PUBLIC_MAPBOX_TOKEN: 'pk.eyJ1Ijoic2hvcCIsImEiOiJjbHgxMjM0NTY3ODkwIn0.${V}',\n  },\n`],
    ["Shopify's API key (a public client id) in Rails credentials", 'credentials.yml', `shopify:\n  api_key: ${HEX}\n`],
    ['a Confluent Cloud API key id (the id half of the pair)', 'providers.tf', `provider "confluent" {\n  cloud_api_key    = "${KEY_ID}"\n}\n`],
  ];
  for (const [form, fileName, text] of quiet) it(`quiet on ${form}`, () => assert.deepEqual(ranges(fileName, text), []));

  it('the secret halves beside the public ones are still found', () => {
    const shopify = `shopify:\n  api_key: ${HEX}\n  api_secret: ${V}\n`;
    assert.deepEqual(ranges('credentials.yml', shopify), at(shopify, V));
    const confluent = `provider "confluent" {\n  cloud_api_key    = "${KEY_ID}"\n  cloud_api_secret = "${V}"\n}\n`;
    assert.deepEqual(ranges('providers.tf', confluent), at(confluent, V));
    const mapbox = `MAPBOX_TOKEN=sk.eyJ1Ijoic2hvcCIsImEiOiJjbHgxMjM0NTY3ODkwIn0.${V}\n`;
    assert.deepEqual(ranges('.env', mapbox), [[13, mapbox.length - 1]]);
  });
});
