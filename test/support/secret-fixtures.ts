import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze, type RuleSet } from '../../server/src/engine';
import { discoverRuleFolders } from '../../server/src/node/rule-fixtures';
import { builtinPackRoot, loadRuleSet } from '../../server/src/node/rule-packs';

// The secrets the leak tests look for: every file under the tests/ folders of the core pack's rules
// tagged `secret` (goldens too: they are scanned like any file), and in each the text at every
// secret-tagged finding's range, found by the engine with the whole core pack.

const NOW = new Date('2026-06-01T00:00:00Z');
export const REPO = path.resolve(__dirname, '..', '..');

export interface SecretFixture {
  /** Repository-relative, with / separators. */
  readonly file: string;
  readonly text: string;
  readonly secrets: readonly string[];
}

export interface SecretFixtures {
  readonly ruleSet: RuleSet;
  readonly secretRuleIds: readonly string[];
  readonly fixtures: readonly SecretFixture[];
}

export function secretFixtures(): SecretFixtures {
  const packRoot = builtinPackRoot();
  const { ruleSet } = loadRuleSet([packRoot]);
  const secretRuleIds = ruleSet.rules.filter((r) => r.meta.tags.includes('secret')).map((r) => r.meta.id);
  const fixtures: SecretFixture[] = [];
  for (const folder of discoverRuleFolders(packRoot).filter((f) => secretRuleIds.includes(f.ruleId))) {
    const dir = path.join(folder.dir, 'tests');
    for (const name of fs.readdirSync(dir).sort()) {
      const text = fs.readFileSync(path.join(dir, name), 'utf8');
      const found = analyze({ uri: name, text }, ruleSet, { now: NOW }).findings.filter((f) => secretRuleIds.includes(f.ruleId));
      const secrets = [...new Set(found.map((f) => text.slice(f.span.start, f.span.end)))];
      fixtures.push({ file: path.relative(REPO, path.join(dir, name)).split(path.sep).join('/'), text, secrets });
    }
  }
  return { ruleSet, secretRuleIds, fixtures };
}

/** The secret and every 12-character piece of its words past a 4-character public prefix (what a mask may show). */
export function leakProbes(secret: string): string[] {
  const probes = [secret.trim()];
  secret.split(/\s+/).forEach((word, n) => {
    for (let i = n === 0 ? 4 : 0; i + 12 <= word.length; i++) probes.push(word.slice(i, i + 12));
  });
  return probes;
}

/** A description of the first secret (or piece of one) found in `output`, without printing it. */
export function findLeak(output: string, secrets: Iterable<string>): string | undefined {
  for (const secret of secrets) {
    const probe = leakProbes(secret).find((p) => output.includes(p));
    if (probe !== undefined) return `a ${secret.length}-character secret leaks (piece starting "${probe.slice(0, 2)}…")`;
  }
  return undefined;
}
