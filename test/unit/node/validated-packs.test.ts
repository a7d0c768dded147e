import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { builtinPackRoot, loadRuleSet, loadValidatedPack } from '../../../server/src/node/rule-packs';
import { VALIDATED_PACKS_FILE, readValidatedPacks, writeValidatedPacks } from '../../../server/src/node/validated-packs';
import { ensureBundle } from '../../support/bundles';

// The build's snapshot of the validated built-in pack: startup instantiates the built-in pack from it
// instead of reading and validating the folder. The rule set must be the same either way.

describe('validated pack snapshot', () => {
  const core = builtinPackRoot(path.join(__dirname, '../../..'));
  const fresh = loadValidatedPack(core);
  const snapshot = { root: core, pack: fresh.pack };
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-validated-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('holds the manifest and every rule of the built-in pack, which has no errors, with each README', () => {
    assert.deepEqual(fresh.errors, []);
    const rules = loadRuleSet([core], undefined).ruleSet.rules;
    assert.equal(fresh.pack.rules.length, rules.length);
    assert.equal((fresh.pack.manifest as { id: string }).id, 'core');
    assert.deepEqual(fresh.pack.rules.map((r) => r.docs), rules.map((r) => r.meta.docs));
  });

  it('loads the same rules and packs from the snapshot as from the folder', () => {
    const plain = loadRuleSet([core], undefined);
    const snap = loadRuleSet([core], snapshot);
    assert.deepEqual(snap.errors, plain.errors);
    assert.deepEqual(snap.ruleSet.rules.map((r) => r.meta), plain.ruleSet.rules.map((r) => r.meta));
    assert.deepEqual(snap.ruleSet.rules.map((r) => r.match), plain.ruleSet.rules.map((r) => r.match));
    assert.deepEqual(snap.ruleSet.packs, plain.ruleSet.packs);
  });

  it('stands for its own folder only: another folder, a copy of the pack edited, is read and validated', () => {
    const rule = fresh.pack.rules[0];
    const id = (rule.value as { id: string }).id;
    // Snapshot data that differs from the files shows which one the loader used.
    const marked = { root: core, pack: { ...fresh.pack, rules: [{ ...rule, value: { ...(rule.value as object), title: 'from the snapshot' } }, ...fresh.pack.rules.slice(1)] } };
    assert.equal(loadRuleSet([core], marked).ruleSet.rules.find((r) => r.meta.id === id)?.meta.title, 'from the snapshot');
    const copy = path.join(dir, 'core');
    fs.cpSync(core, copy, { recursive: true });
    const onDisk = path.join(copy, rule.path);
    fs.writeFileSync(onDisk, fs.readFileSync(onDisk, 'utf8').replace(/^severity: .*$/m, 'severity: extreme'));
    const edited = loadRuleSet([copy], marked);
    assert.equal(edited.ruleSet.rules.some((r) => r.meta.id === id), false);
    assert.ok(edited.errors.some((e) => e.file === rule.path && /severity/.test(e.message)), JSON.stringify(edited.errors));
  });

  it('round-trips through its file (ASCII, its root relative), and reads as absent when missing, damaged or of another format', () => {
    const file = path.join(dir, VALIDATED_PACKS_FILE);
    writeValidatedPacks(file, core, fresh.pack);
    assert.deepEqual(readValidatedPacks(dir), snapshot);
    assert.equal(/[^\x00-\x7f]/.test(fs.readFileSync(file, 'latin1')), false);
    assert.ok(fresh.pack.rules.some((r) => /[^\x00-\x7f]/.test(r.docs ?? '')), 'some README has a non-ASCII character the round trip keeps');
    fs.writeFileSync(file, JSON.stringify({ format: 1, files: [] }));
    assert.equal(readValidatedPacks(dir), undefined);
    fs.writeFileSync(file, '{"format": 2, "root": "x", "pack": {');
    assert.equal(readValidatedPacks(dir), undefined);
    assert.equal(readValidatedPacks(path.join(dir, 'nowhere')), undefined);
  });

  it('is written by the build beside the bundles, for the built-in pack as it is now', function () {
    this.timeout(120_000);
    const dist = path.dirname(ensureBundle('cli.js'));
    assert.deepEqual(readValidatedPacks(dist), snapshot);
  });
});
