import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../server/src/engine';
import { builtinPackRoot, loadRuleSet } from '../../server/src/node/rule-packs';
import { ensureCliBuilt } from '../cli/cli-harness';
import { SAMPLE_DOCS, renderSamples, sampleCommands } from './cli-samples';
import { TEMPLATES_DOC, renderTemplatesDoc } from './templates-doc';

// Generated documentation must match what the code does today: a drift fails here, and the message
// names the command that regenerates the file.

const ROOT = path.resolve(__dirname, '../..');

describe('generated docs match the code', function () {
  this.timeout(120_000);

  it('docs/templates.md is generated from the templates (npm run docs:templates)', () => {
    const committed = fs.readFileSync(TEMPLATES_DOC, 'utf8');
    assert.ok(committed === renderTemplatesDoc(), 'docs/templates.md is out of date: run `npm run docs:templates` and commit the result');
    for (const id of ['dockerfile-run-command', 'k8s-security-context-field', 'text-secret-pattern']) assert.ok(committed.includes(`\n## ${id}\n`), id);
  });

  it('the sample output in docs/cli.md is what the CLI prints (npm run docs:samples)', () => {
    ensureCliBuilt();
    for (const file of SAMPLE_DOCS) {
      const committed = fs.readFileSync(file, 'utf8');
      assert.deepEqual(sampleCommands(committed), ['bulwark scan examples', 'bulwark scan examples --format json']);
      const expected = renderSamples(committed);
      if (committed !== expected) {
        const at = [...committed].findIndex((c, i) => c !== expected[i]);
        const line = committed.slice(0, at).split('\n').length;
        assert.fail(`${path.relative(ROOT, file)} differs from a real run from line ${line}: run \`npm run docs:samples\` and commit the result`);
      }
    }
  });

  it("the README's suppression example suppresses what it names and leaves its FROM clean", () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Suppressing a finding'));
    const example = /```dockerfile\n([\s\S]*?)```/.exec(section)?.[1];
    assert.ok(example, 'no dockerfile example under "Suppressing a finding"');
    const directive = /bulwark-ignore ([\w,-]+) reason="[^"]+" until=(\d{4}-\d{2}-\d{2})/.exec(example);
    assert.ok(directive, example);
    const named = directive[1].split(',');
    // The day before its until date: the example is about a suppression in force, whatever today is.
    const now = new Date(Date.parse(`${directive[2]}T00:00:00Z`) - 86_400_000);
    const { ruleSet, errors } = loadRuleSet([builtinPackRoot()]);
    assert.deepEqual(errors, []);
    const result = analyze({ uri: 'file:///example/Dockerfile', text: example }, ruleSet, { now });
    assert.deepEqual(result.findings.map((f) => f.ruleId), [], 'the example leaves findings');
    // A rule another named rule supersedes on the same range is one problem, reported (and suppressed) once.
    const suppressed = result.suppressed.map((s) => s.finding.ruleId);
    assert.ok(suppressed.length > 0 && suppressed.every((id) => named.includes(id)), `suppressed ${suppressed.join(', ')}; named ${named.join(', ')}`);
    assert.equal(new Set(suppressed).size, suppressed.length, 'each rule is suppressed once');
  });
});
