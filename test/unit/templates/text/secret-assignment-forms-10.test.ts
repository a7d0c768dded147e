import * as assert from 'node:assert/strict';
import { looksLikeKeyMaterial } from '../../../../server/src/engine/templates/text/key-material';
import { at, ranges } from './generic-password-ranges';

// The generic detector's forms learned from held-out batch 10 (test/corpus/secrets/README.md, item 11) and
// batch 9's two rare ones (item 10), each with values of its own: the exact range reported (start and end
// offsets, never the value in the output), and the neighbouring code that must stay quiet. Decided by syntax
// or by the value's shape, never by value.

const V = 'Rk8wQ3zLm5Tn7VxB2cHp';
const W = 'Jd4sX9vN2qM6tR8bL3wZ';
const HEX = 'c47e1a9d03b85f26e9a0d4c7b18f5e32';
const HEX40 = `${HEX}6a0d9e2b`;
const HEX64 = `${HEX}8d2f0a6e13c9b574e0a2d8f61c3b9e47`;
const B64 = 'Tq7Yv3Nm9Kx2Wp5Lc8Rb4Hz6Jd1Fs0Gk/Ua+Ei3Oo';
const UPPER = '9K3XWQ7T2MPV8RZ4HN6YD5JB';

describe('text-secret-assignment: forms from held-out batch 10', () => {
  const found: [string, string, string, string][] = [
    ["paho-mqtt's username_pw_set(user, '…')", 'relay.py', `client = mqtt.Client(client_id="yard-relay")\nclient.username_pw_set("yard-relay", "${V}")\n`, V],
    ["pika's PlainCredentials(user, '…')", 'consumer.py', `creds = pika.PlainCredentials("orders", "${W}")\n`, W],
    ["Go's smtp.PlainAuth(identity, user, '…', host)", 'mail.go', `\tauth := smtp.PlainAuth("", "alerts@yard.test", "${V}", "smtp.yard.test")\n`, V],
    ['a C# NetworkCredential constructed target-typed', 'MailTests.cs', `    private static readonly NetworkCredential Relay = new("relay", "${V}");\n`, V],
    ['a hex literal through bytes.fromhex to signing_key=', 'conftest.py', `    return Signer(signing_key=bytes.fromhex("${HEX64}"))\n`, HEX64],
    ['a base64 literal through base64.b64decode', 'settings.py', `ENCRYPTION_KEY = base64.b64decode("${B64}")\n`, B64],
    ['a base64 literal through Base64.getDecoder().decode', 'Keys.java', `    private static final byte[] SIGNING_KEY = Base64.getDecoder().decode("${B64}");\n`, B64],
    ['a literal compared with a request signature header', 'server.js', `  if (req.get('x-yard-signature') !== '${HEX40}') return res.sendStatus(401);\n`, HEX40],
    ['a Go map named after keys (camelCase) with neutral partner keys', 'partners.go', `var dealerKeys = map[string]string{\n\t"north-yard": "${HEX}",\n}\n`, HEX],
    ['a Go map named after keys declared with :=', 'partners.go', `\tdealerKeys := map[string]string{\n\t\t"north-yard": "${HEX}",\n\t}\n`, HEX],
    ['a Terraform set_sensitive name/value pair', 'grafana.tf', `  set_sensitive {\n    name  = "adminPassword"\n    value = "${V}"\n  }\n`, V],
    ['an Elastic Beanstalk setting name/value pair', 'beanstalk.tf', `  setting {\n    namespace = "aws:elasticbeanstalk:application:environment"\n    name      = "STRIPE_SECRET"\n    value     = "${V}"\n  }\n`, V],
    ['an Argo Workflows container env item (quoted)', 'workflow.yaml', `  templates:\n    - name: train\n      container:\n        image: train:1\n        env:\n          - name: WANDB_API_KEY\n            value: "${HEX40}"\n`, HEX40],
    ['a Tekton step env item', 'task.yaml', `  steps:\n    - name: scan\n      image: scanner:2\n      env:\n        - name: SONAR_TOKEN\n          value: ${V}\n`, V],
    ['an option inside an exec-form array item', 'deploy.yaml', `          args: ["--relay-password=${V}", "--log-level=info"]\n`, V],
    ['an OpenTelemetry exporter header named after Honeycomb', 'otel.yaml', `exporters:\n  otlphttp/honeycomb:\n    headers:\n      x-honeycomb-team: ${V}\n`, V],
    ['an Azure API Management subscription key header', 'client.json', `{ "headers": { "Ocp-Apim-Subscription-Key": "${HEX}" } }\n`, HEX],
    ['a bare …Key field holding upper-case and digit key material (Go table test)', 'provision_test.go', `\t\t{name: "valid", serial: "YD-000193", activationKey: "${UPPER}"},\n`, UPPER],
    ['a quoted refresh parameter default holding key material (Kotlin)', 'Client.kt', `fun yardClient(refresh: String = "${B64}"): HttpClient = HttpClient(OkHttp) {\n`, B64],
  ];
  for (const [form, fileName, text, value] of found) {
    it(`finds ${form}`, () => assert.deepEqual(ranges(fileName, text), at(text, value)));
  }

  const quiet: [string, string, string][] = [
    ['username_pw_set with a lookup', 'relay.py', 'client.username_pw_set("yard-relay", os.environ["MQTT_PASSWORD"])\n'],
    ['username_pw_set with the user only', 'relay.py', 'client.username_pw_set("yard-relay")\n'],
    ['a target-typed NetworkCredential from variables', 'Mail.cs', '    NetworkCredential relay = new(user, password);\n'],
    ['a target-typed type that takes no password', 'Mail.cs', `    MailAddress from = new("alerts@yard.test", "${V}");\n`],
    ['bytes.fromhex under a name of no secret (a digest)', 'checks.py', `expected_digest = bytes.fromhex("${HEX64}")\n`],
    ['base64.b64decode of a lookup', 'settings.py', 'ENCRYPTION_KEY = base64.b64decode(os.environ["ENCRYPTION_KEY"])\n'],
    ['a signature header compared with a variable', 'server.js', "  if (req.get('x-yard-signature') !== expected) return res.sendStatus(401);\n"],
    ['a computed signature in a test request (not compared)', 'hooks.test.ts', `  const headers = { 'X-Yard-Signature': 'sha256=${HEX64}', 'Stripe-Signature': 't=1700000000,v1=${HEX64}' };\n`],
    ['an event header compared with a literal', 'server.js', "  if (req.get('x-github-event') !== 'push') return res.sendStatus(204);\n"],
    ['a header naming no secret or signature compared with a literal', 'server.js', `  if (req.get('x-token-kind') !== '${V}') return res.sendStatus(400);\n`],
    ['a Go map of neutral keys not named after secrets', 'yards.go', `var dealerYards = map[string]string{\n\t"north-yard": "${HEX}",\n}\n`],
    ['a Go map named after sort keys', 'order.go', `var sortKeys = map[string]string{\n\t"newest": "${HEX}",\n}\n`],
    ['a Go keys map holding names', 'i18n.go', 'var messageKeys = map[string]string{\n\t"welcome": "home.welcome.title",\n}\n'],
    ['an HCL set block naming no secret', 'grafana.tf', `  set {\n    name  = "replicaCount"\n    value = "${V}"\n  }\n`],
    ['an HCL set_sensitive value from a variable', 'grafana.tf', '  set_sensitive {\n    name  = "adminPassword"\n    value = var.grafana_admin_password\n  }\n'],
    ['a pod spec env list (the Kubernetes rules judge it, as before)', 'deploy.yaml', `spec:\n  containers:\n    - name: relay\n      image: relay:1\n      env:\n        - name: RELAY_API_KEY\n          value: "${HEX40}"\n`],
    ['an Argo container env item naming no secret', 'workflow.yaml', `      container:\n        env:\n          - name: RUN_GROUP\n            value: "${HEX40}"\n`],
    ['an Argo container env item read from a Secret', 'workflow.yaml', '      container:\n        env:\n          - name: WANDB_API_KEY\n            valueFrom:\n              secretKeyRef: {name: wandb, key: api-key}\n'],
    ['an option inside an exec-form item naming no secret', 'deploy.yaml', `          args: ["--relay-region=${V}"]\n`],
    ['an option inside an exec-form item expanded by Kubernetes', 'deploy.yaml', '          args: ["--relay-password=$(RELAY_PASSWORD)"]\n'],
    ['a Honeycomb dataset header (a name)', 'otel.yaml', `    headers:\n      x-honeycomb-dataset: ${V}\n`],
    ['a Honeycomb team header from the environment', 'otel.yaml', '    headers:\n      x-honeycomb-team: ${env:HONEYCOMB_API_KEY}\n'],
    ['an activation key with dashes (a serial)', 'provision_test.go', '\t\t{name: "serial", activationKey: "KST-4K-000193-ABCD"},\n'],
    ['a bare …Key field holding an upper-case name with numbers', 'placement.go', '\t{placementKey: "REGION1ZONE2RACK3SLOT4"},\n'],
    ['a bare …Key field not in a known non-secret use, holding a short code', 'codes.go', '\t{countryKey: "DE2024"},\n'],
    ['a refresh setting (a duration)', 'Client.kt', 'fun yardClient(refresh: String = "15m"): HttpClient = HttpClient(OkHttp) {\n'],
    ['an unquoted refresh setting', 'values.yaml', `dashboard:\n  refresh: ${B64}\n`],
    ['a refresh compound naming no token', 'Client.kt', `    val autoRefresh: String = "${B64}"\n`],
  ];
  for (const [form, fileName, text] of quiet) {
    it(`stays quiet on ${form}`, () => assert.deepEqual(ranges(fileName, text), []));
  }

  it('reads upper-case and digit key material only when letters and digits interleave', () => {
    assert.equal(looksLikeKeyMaterial(UPPER), true);
    assert.equal(looksLikeKeyMaterial('REGION1ZONE2RACK3SLOT4'), false);
    assert.equal(looksLikeKeyMaterial('ORDERS2024V3PROD2025X'), false);
    assert.equal(looksLikeKeyMaterial('ABCDEFGHJKMNPQRSTVWXYZ'), false);
  });
});
