import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../server/src/engine';
import { discoverRuleFolders } from '../../server/src/node/rule-fixtures';
import { builtinPackRoot, loadRuleSet } from '../../server/src/node/rule-packs';
import { ensureCliBuilt, parseJson, REPO, runCli } from './cli-harness';

// The masking promise end to end, through the built CLI and the real core pack: every fixture of every
// secret rule (dozens of credentials in a dozen syntaxes) is scanned as CI would, in each report format
// and with --fix-dry-run (which computes the suggestions), and no secret, nor any 12-character piece of
// one past its public prefix, may appear in what the process prints. test/unit/secrets-leak.test.ts
// checks the engine's result; this checks what leaves the machine (CI logs, SARIF uploads).

const NOW = new Date('2026-06-01T00:00:00Z');
const { ruleSet } = loadRuleSet([builtinPackRoot()]);
const secretRules = ruleSet.rules.filter((r) => r.meta.tags.includes('secret')).map((r) => r.meta.id);
const folders = discoverRuleFolders(builtinPackRoot());

interface JsonReport {
  findings: { path: string; ruleId: string; message: string }[];
}

/** Every file under the tests/ folders of the secret rules (goldens too: they are scanned like any file). */
function testFiles(ruleIds: readonly string[]): string[] {
  const files: string[] = [];
  for (const folder of folders.filter((f) => ruleIds.includes(f.ruleId))) {
    const dir = path.join(folder.dir, 'tests');
    for (const name of fs.readdirSync(dir)) files.push(path.relative(REPO, path.join(dir, name)).split(path.sep).join('/'));
  }
  return files.sort();
}

/** The secret and every 12-character piece of its words past a 4-character public prefix (what a mask may show). */
function leakProbes(secret: string): string[] {
  const probes = [secret.trim()];
  secret.split(/\s+/).forEach((word, n) => {
    for (let i = n === 0 ? 4 : 0; i + 12 <= word.length; i++) probes.push(word.slice(i, i + 12));
  });
  return probes;
}

function withoutRuleDocs(sarif: unknown): unknown {
  const log = sarif as { runs: { tool: unknown }[] };
  return { ...log, runs: log.runs.map((r) => ({ ...r, tool: undefined })) };
}

describe('bulwark CLI: core secret rules never print a secret', function () {
  let files: string[];
  let secrets: Map<string, string[]>;
  let expected: number;

  before(() => {
    ensureCliBuilt();
    files = testFiles(secretRules);
    secrets = new Map();
    expected = 0;
    for (const file of files) {
      const text = fs.readFileSync(path.join(REPO, file), 'utf8');
      const found = analyze({ uri: path.basename(file), text }, ruleSet, { now: NOW }).findings.filter((f) => secretRules.includes(f.ruleId));
      expected += found.length;
      for (const f of found) secrets.set(text.slice(f.span.start, f.span.end), leakProbes(text.slice(f.span.start, f.span.end)));
    }
  });

  it('the fixtures hold secrets for the check to find (not vacuous)', () => {
    assert.ok(secretRules.length >= 8, secretRules.join(', '));
    assert.ok(secrets.size >= 40, `only ${secrets.size} distinct secrets in ${files.length} files`);
  });

  for (const args of [['--format', 'text'], ['--format', 'json'], ['--format', 'sarif'], ['--format', 'sarif', '--fix-dry-run']]) {
    it(`${args.join(' ')}: every secret finding is reported, none echoes a secret`, () => {
      const run = runCli(['scan', ...files, '--fail-on', 'none', ...args], { cwd: REPO });
      assert.equal(run.status, 0, run.stderr);
      // SARIF carries each rule's README as help; those are the pack's documentation (with its own
      // made-up examples), not text read from the scanned files, so only the results are searched.
      const output = (args[1] === 'sarif' ? JSON.stringify(withoutRuleDocs(parseJson(run.stdout))) : run.stdout) + run.stderr;
      for (const [secret, probes] of secrets) {
        const leaked = probes.find((p) => output.includes(p));
        assert.equal(leaked, undefined, `a ${secret.length}-character secret leaks (piece starting "${leaked?.slice(0, 2)}…")`);
      }
      if (args[1] === 'json') {
        const reported = (parseJson(run.stdout) as JsonReport).findings.filter((f) => secretRules.includes(f.ruleId));
        assert.equal(reported.length, expected, 'the CLI reports what the engine finds');
      }
    });
  }

  it('a rule whose range is a variable name, not a value, keeps the name readable', () => {
    // Tagging such a rule `secret` would make both mask layers hide the name (`ARG NPM_…(9 chars)`).
    assert.ok(!secretRules.includes('docker-secret-build-arg'));
    const file = testFiles(['docker-secret-build-arg']).find((f) => f.endsWith('/build-args.dockerfile'));
    assert.ok(file, 'the build-arg fixture exists');
    const run = runCli(['scan', file, '--format', 'json', '--fail-on', 'none'], { cwd: REPO });
    const messages = (parseJson(run.stdout) as JsonReport).findings.filter((f) => f.ruleId === 'docker-secret-build-arg').map((f) => f.message);
    assert.ok(messages.some((m) => m.startsWith('ARG NPM_TOKEN carries a secret')), messages.join('\n'));
  });
});
