import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { publishedSchema, PolicyValidator, unknownRuleReferences } from '../../../server/src/engine/policy';

// The schemas are published as JSON for editors and other tools; these tests keep the files equal to
// the TypeScript source (UPDATE_SCHEMAS=1 rewrites them) and check every error names file and line.

const SCHEMAS = path.join(__dirname, '../../../schemas');

describe('policy schemas', () => {
  for (const name of ['policy', 'approved-images'] as const) {
    it(`schemas/${name}.schema.json equals the schema the engine validates with`, () => {
      const file = path.join(SCHEMAS, `${name}.schema.json`);
      const expected = JSON.stringify(publishedSchema(name), null, 2) + '\n';
      if (process.env.UPDATE_SCHEMAS === '1') fs.writeFileSync(file, expected);
      assert.equal(fs.readFileSync(file, 'utf8'), expected, `run UPDATE_SCHEMAS=1 npx mocha ${path.relative(process.cwd(), __filename)}`);
      // The published file is a schema a standard validator compiles on its own.
      assert.equal(typeof new Ajv({ strict: false }).compile(JSON.parse(fs.readFileSync(file, 'utf8'))), 'function');
    });
  }
});

describe('policy.yaml validation', () => {
  const validator = new PolicyValidator();
  const parse = (text: string) => validator.parsePolicy(text, 'policy.yaml');

  it('accepts a complete policy and reads every decision into Maps and Sets', () => {
    const { policy, errors } = parse(
      ['name: acme', 'version: 1.2.0', 'minEngineVersion: 0.1.0', 'rules:', '  disabled: [docker-user-missing]', '  severity:', '    docker-image-latest-tag: high', '  nonWaivable: [secret-private-key]', 'suppressions:', '  requireReason: true', '  maxUntilDays: 30', ''].join('\n'),
    );
    assert.deepEqual(errors, []);
    assert.ok(policy);
    assert.deepEqual([...policy.disabled], ['docker-user-missing']);
    assert.deepEqual([...policy.severity], [['docker-image-latest-tag', 'high']]);
    assert.deepEqual([...policy.nonWaivable], ['secret-private-key']);
    assert.equal(policy.maxUntilDays, 30);
    assert.deepEqual(policy.references.map((r) => [r.key, r.ruleId, r.line]), [
      ['rules.disabled', 'docker-user-missing', 5],
      ['rules.severity', 'docker-image-latest-tag', 7],
      ['rules.nonWaivable', 'secret-private-key', 8],
    ]);
  });

  it('reports an unknown key at its own line, nested or at the top', () => {
    const { policy, errors } = parse(['name: acme', 'version: 1.0.0', 'rules:', '  disabled: []', '  disable: [x]', 'owner: secops', ''].join('\n'));
    assert.equal(policy, undefined);
    assert.deepEqual(errors, [
      { file: 'policy.yaml', line: 5, message: 'rules has an unknown key "disable"' },
      { file: 'policy.yaml', line: 6, message: 'the document has an unknown key "owner"' },
    ]);
  });

  it('reports a wrong type and a bad severity at the value', () => {
    const { errors } = parse(['name: acme', 'version: 1.0.0', 'suppressions:', '  maxUntilDays: "ninety"', 'rules:', '  severity:', '    docker-user-missing: severe', ''].join('\n'));
    assert.deepEqual(
      errors.map((e) => [e.line, e.message]),
      [
        [4, 'suppressions.maxUntilDays must be integer'],
        [7, 'rules.severity.docker-user-missing must be one of critical, high, medium, low, info'],
      ],
    );
  });

  it('reports a bad rule id in a list and as a severity key, and a bad version', () => {
    const { errors } = parse(['name: Acme_Policy', 'version: "1.0"', 'rules:', '  nonWaivable:', '    - ok-rule', '    - DL3007', '  severity:', '    CKV_K8S_20: high', ''].join('\n'));
    assert.deepEqual(
      errors.map((e) => [e.line, e.message.replace(/ does not match .*/, '')]),
      [
        [1, 'name is not valid: "Acme_Policy"'],
        [2, 'version is not valid: "1.0"'],
        [6, 'rules.nonWaivable.1 is not valid: "DL3007"'],
        [8, 'rules.severity has an invalid key "CKV_K8S_20" (expected a kebab-case rule id)'],
      ],
    );
  });

  it('refuses requireReason: false, contradictions, and disabling the suppression reporter', () => {
    assert.deepEqual(parse('name: a\nversion: 1.0.0\nsuppressions:\n  requireReason: false\n').errors.map((e) => [e.line, e.message]), [[4, 'suppressions.requireReason must be true']]);
    const { errors } = parse(['name: a', 'version: 1.0.0', 'rules:', '  disabled: [k8s-run-as-root, bulwark-invalid-suppression]', '  nonWaivable: [k8s-run-as-root]', ''].join('\n'));
    assert.deepEqual(
      errors.map((e) => [e.line, e.message]),
      [
        [4, 'rule "k8s-run-as-root" is both disabled and non-waivable'],
        [4, '"bulwark-invalid-suppression" reports suppressions the policy refuses; it cannot be disabled'],
      ],
    );
  });

  it('reports YAML syntax errors and duplicate keys with their line, and a missing name', () => {
    assert.deepEqual(parse('name: a\nversion: 1.0.0\nname: b\n').errors.map((e) => e.line), [3]);
    assert.deepEqual(parse('version: 1.0.0\n').errors.map((e) => [e.line, e.message]), [[1, "the document must have required property 'name'"]]);
  });

  it('names rule ids no pack defines, at their line', () => {
    const { policy } = parse('name: a\nversion: 1.0.0\nrules:\n  severity:\n    docker-user-missin: high\n  nonWaivable: [secret-private-key]\n');
    assert.ok(policy);
    assert.deepEqual(unknownRuleReferences(policy, new Set(['secret-private-key', 'docker-user-missing'])), [
      { file: 'policy.yaml', line: 5, message: 'rules.severity names "docker-user-missin", which no built-in or bundle rule defines' },
    ]);
  });
});

describe('approved-images.yaml validation', () => {
  const validator = new PolicyValidator();
  const parse = (text: string) => validator.parseApprovedImages(text, 'approved-images.yaml');
  const digest = 'sha256:' + 'a'.repeat(64);

  it('accepts every key of the approved-images format', () => {
    const { approvedImages, errors } = parse(
      [
        'registries: [registry.acme.example, "registry.acme.example:5000", localhost:5000]',
        'images:',
        '  - name: docker.io/library/nginx',
        '    tags: ["1.27*"]',
        `    digests: ["${digest}"]`,
        'replacements:',
        '  - from: docker.io/library/node',
        '    to: registry.acme.example/base/node:20-slim',
        'deprecated:',
        '  - name: registry.acme.example/base/node',
        '    tags: ["16*"]',
        '    after: 2026-01-01',
        `    replacement: registry.acme.example/base/node:20-slim@${digest}`,
        'requireDigest: true',
        '',
      ].join('\n'),
    );
    assert.deepEqual(errors, []);
    assert.equal(approvedImages?.deprecated?.[0].after, '2026-01-01');
    assert.equal(approvedImages?.registries?.length, 3);
  });

  it('reports unknown keys, bad digests, names with tags and a bad date at their lines', () => {
    const { approvedImages, errors } = parse(
      ['registries: ["https://registry.acme.example"]', 'images:', '  - name: nginx:1.27', '    digests: ["sha256:abc"]', '    tag: latest', 'deprecated:', '  - name: node', '    after: 1st of May', 'requireDigest: yes please', ''].join('\n'),
    );
    assert.equal(approvedImages, undefined);
    assert.deepEqual(
      errors.map((e) => [e.file, e.line, e.message.replace(/ does not match .*/, '')]),
      [
        ['approved-images.yaml', 1, 'registries.0 is not valid: "https://registry.acme.example"'],
        ['approved-images.yaml', 3, 'images.0.name is not valid: "nginx:1.27"'],
        ['approved-images.yaml', 4, 'images.0.digests.0 is not valid: "sha256:abc"'],
        ['approved-images.yaml', 5, 'images.0 has an unknown key "tag"'],
        ['approved-images.yaml', 8, 'deprecated.0.after is not valid: "1st of May"'],
        ['approved-images.yaml', 9, 'requireDigest must be boolean'],
      ],
    );
  });
});

describe('approved-images.yaml references, by Docker\'s grammar', () => {
  const validator = new PolicyValidator();

  it('reports a reference the schema pattern lets through but Docker refuses, at its line', () => {
    const long = 'a'.repeat(256);
    const { approvedImages, errors } = validator.parseApprovedImages(['images:', `  - name: registry.acme.example/${long}`, 'replacements:', '  - from: node', '    to: registry.acme.example/base/node:20-slim', ''].join('\n'));
    assert.equal(approvedImages, undefined);
    assert.equal(errors.length, 1);
    assert.equal(errors[0].line, 2);
    assert.match(errors[0].message, /^images\.0\.name: invalid image reference ".*": .*255/);
  });
});
