import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { validatedKey } from '../../../server/src/engine/packs/load';
import { builtinPackRoot, loadRuleSet, loadValidatedFiles } from '../../../server/src/node/rule-packs';
import { VALIDATED_PACKS_FILE, readValidatedPacks, writeValidatedPacks } from '../../../server/src/node/validated-packs';
import { ensureBundle } from '../../support/bundles';

// The build's snapshot of the validated built-in pack: startup skips re-validating exactly those texts,
// and nothing else. The rule set must be the same either way.

describe('validated pack snapshot', () => {
  const core = builtinPackRoot(path.join(__dirname, '../../..'));
  const fresh = loadValidatedFiles(core);
  const snapshot = new Map(fresh.files.map((f) => [validatedKey(f.kind, f.text), f.value]));
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-validated-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('holds the manifest and every rule of the built-in pack, which has no errors', () => {
    assert.deepEqual(fresh.errors, []);
    const rules = loadRuleSet([core], new Map()).ruleSet.rules;
    assert.equal(fresh.files.filter((f) => f.kind === 'rule').length, rules.length);
    assert.equal(fresh.files.filter((f) => f.kind === 'pack').length, 1);
  });

  it('loads the same rules with the snapshot as without it', () => {
    const plain = loadRuleSet([core], new Map());
    const snap = loadRuleSet([core], snapshot);
    assert.deepEqual(snap.errors, plain.errors);
    assert.deepEqual(snap.ruleSet.rules.map((r) => r.meta), plain.ruleSet.rules.map((r) => r.meta));
    assert.deepEqual(snap.ruleSet.packs, plain.ruleSet.packs);
  });

  it('takes a known text’s data from the snapshot, and validates any other text as usual', () => {
    const copy = path.join(dir, 'core');
    fs.cpSync(core, copy, { recursive: true });
    const ruleFile = fresh.files.find((f) => f.kind === 'rule')!;
    const id = (ruleFile.value as { id: string }).id;
    // A snapshot entry whose data differs from its text shows which one the loader used.
    const marked = new Map(snapshot);
    marked.set(validatedKey('rule', ruleFile.text), { ...(ruleFile.value as object), title: 'from the snapshot' });
    assert.equal(loadRuleSet([copy], marked).ruleSet.rules.find((r) => r.meta.id === id)?.meta.title, 'from the snapshot');
    // The same rule edited on disk (an invalid severity) is no longer the snapshot's text: it is refused.
    const onDisk = fs.readdirSync(copy, { recursive: true, encoding: 'utf8' }).find((f) => f.endsWith(`${id}/rule.yaml`))!;
    fs.writeFileSync(path.join(copy, onDisk), ruleFile.text.replace(/^severity: .*$/m, 'severity: extreme'));
    const edited = loadRuleSet([copy], marked);
    assert.equal(edited.ruleSet.rules.some((r) => r.meta.id === id), false);
    assert.ok(edited.errors.some((e) => e.file.endsWith(`${id}/rule.yaml`) && /severity/.test(e.message)), JSON.stringify(edited.errors));
  });

  it('round-trips through its file, and reads as empty when absent or damaged', () => {
    writeValidatedPacks(path.join(dir, VALIDATED_PACKS_FILE), fresh.files);
    assert.deepEqual(readValidatedPacks(dir), snapshot);
    fs.writeFileSync(path.join(dir, VALIDATED_PACKS_FILE), '{"format": 1, "files": [');
    assert.equal(readValidatedPacks(dir).size, 0);
    assert.equal(readValidatedPacks(path.join(dir, 'nowhere')).size, 0);
  });

  it('is written by the build beside the bundles, for the built-in pack as it is now', function () {
    this.timeout(120_000);
    const dist = path.dirname(ensureBundle('cli.js'));
    // A rule edited since the last build makes dist stale (ensureBundle watches server/src only).
    if (readValidatedPacks(dist).size !== snapshot.size || ![...snapshot.keys()].every((k) => readValidatedPacks(dist).has(k))) {
      const build = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: path.join(dist, '..'), encoding: 'utf8' });
      assert.equal(build.status, 0, build.stderr);
    }
    assert.deepEqual(readValidatedPacks(dist), snapshot);
  });
});
