import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { secretAssignment } from '../../../../server/src/engine/templates/text/secret-assignment';
import { at, ranges } from './generic-password-ranges';
import { runTemplate } from './run-template';

// The generic detector's forms learned from batch 13 (test/corpus/secrets/README.md, item 14), with values of their
// own and in languages the batch did not use for them where the form allows: the signature table as pack data
// (a champion's own table finds a library the core pack does not list), constructor parameters, returned arms,
// coalescing defaults, tuples and config lines inside strings.

const V = 'Tn6qW2xLp9Rk4ZvB8cMd';
const HEX = '9f3c1a7e5b2d4c6a8e0f1b3d5c7a9e2f';
const CORE = (parse(fs.readFileSync(path.join(__dirname, '../../../../rules/core/secrets/secret-generic-password/rule.yaml'), 'utf8')) as { match: { params: Record<string, unknown> } }).match.params;

describe('text-secret-assignment: forms from batch 13', () => {
  const found: [string, string, string, string][] = [
    ['redis-py StrictRedis by position', 'cache.py', `r = StrictRedis("cache.test", 6379, 0, "${V}")\n`, V],
    ['openssl_decrypt by position', 'vault.php', `$plain = openssl_decrypt($data, 'aes-256-cbc', '${V}', 0, $iv);\n`, V],
    ['a key through a hex decoder', 'Sessions.kt', `transform(SessionTransportTransformerMessageAuthentication(hex("${HEX}")))\n`, HEX],
    ['a Kotlin class constructed by name', 'Partner.kt', `class Partner(val url: String, val apiKey: String)\nval lab = Partner(\n    "https://lab.test",\n    "${V}",\n)\n`, V],
    ['a Java constructor through new', 'Client.java', `class Client {\n    public Client(String url, String apiKey) {\n    }\n    static Client LAB = new Client("https://lab.test", "${V}");\n}\n`, V],
    ['a Java switch expression arm', 'Keys.java', `static String radioKeyFor(String depot) {\n    return switch (depot) {\n        case "north" -> "${HEX}";\n        default -> "";\n    };\n}\n`, HEX],
    ['a Go cmp.Or default', 'main.go', `var apiToken = cmp.Or(os.Getenv("API_TOKEN"), "${V}")\n`, V],
    ['a Java getOrDefault default', 'Config.java', `String password = settings.getOrDefault("db.password", "${V}");\n`, V],
    ['an ERB || default in YAML', 'database.yml', `  password: <%= ENV["DB_PASSWORD"] || "${V}" %>\n`, V],
    ['a JavaScript Map entry as a tuple', 'client.js', `const headers = new Map([["X-Api-Key", "${V}"]]);\n`, V],
    ['a Kotlin raw string holding a properties line', 'Test.kt', `val props = """\n    db.password=${V}\n    """\n`, V],
  ];
  for (const [form, fileName, text, value] of found) {
    it(`finds ${form}`, () => assert.deepEqual(ranges(fileName, text), at(text, value)));
  }

  const quiet: [string, string, string][] = [
    ['redis-py with three arguments', 'cache.py', 'r = Redis("cache.test", 6379, 0)\n'],
    ['a signature place holding a variable', 'vault.php', "$plain = openssl_decrypt($data, 'aes-256-cbc', $key, 0, $iv);\n"],
    ['a call with the same last name and another receiver path', 'verify.js', `other.verify(token, "${V}");\n`],
    ['a constructor parameter not named for a secret', 'Client.java', `class Client {\n    public Client(String url, String region) {\n    }\n    static Client LAB = new Client("https://lab.test", "${V}");\n}\n`],
    ['a method call that is no declaration', 'Client.java', `    Configure(options, apiKey);\n    Configure("x", "${V}");\n`],
    ['a switch arm of a function not named for a key', 'Labels.cs', `static string LabelFor(string e) => e switch\n{\n    "bench" => "${HEX}",\n    _ => "",\n};\n`],
    ['a coalescing default of a name not naming a secret', 'main.tf', `region = coalesce(var.region, "${V}")\n`],
    ['a tuple with more than two items', 'client.js', `const row = ["X-Api-Key", "${V}", "extra"];\n`],
    ['a properties line outside any string block', 'Test.java', `    db.password=${V}\n`],
  ];
  for (const [form, fileName, text] of quiet) {
    it(`stays quiet on ${form}`, () => assert.deepEqual(ranges(fileName, text), []));
  }

  it("reads a champion's own signature table (pack data, no code)", () => {
    const params = { ...CORE, argumentPlaces: [{ call: 'Gateway.open', argument: 3, name: 'password' }] };
    const text = `conn = acme.Gateway.open("gw.test", "svc", "${V}")\n`;
    const reports = runTemplate(secretAssignment, params, 'gw.py', text).reports.map((r) => [r.span.start, r.span.end]);
    assert.deepEqual(reports, at(text, V));
    assert.deepEqual(ranges('gw.py', text), [], 'the core table does not list it');
  });

  it('the pack schema rejects a signature without a position or with one past the eighth argument', () => {
    const validate = new Ajv({ allErrors: true, strict: false }).compile(secretAssignment.paramsSchema);
    assert.equal(validate({ ...CORE, argumentPlaces: [{ call: 'Redis', argument: 4, name: 'password' }] }), true);
    assert.equal(validate({ ...CORE, argumentPlaces: [{ call: 'Redis', name: 'password' }] }), false);
    assert.equal(validate({ ...CORE, argumentPlaces: [{ call: 'Redis', argument: 9, name: 'password' }] }), false);
    assert.equal(validate({ ...CORE, argumentPlaces: [{ call: 'Redis(', argument: 4, name: 'password' }] }), false);
  });
});
