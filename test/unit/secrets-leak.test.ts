import * as assert from 'node:assert/strict';
import { analyze } from '../../server/src/engine';
import { discoverRuleFolders } from '../../server/src/node/rule-fixtures';
import { builtinPackRoot, loadRuleSet } from '../../server/src/node/rule-packs';

// A secret never leaves the engine in clear: not in a message, a fix, a notice, or anywhere else in
// the result. Every fixture of every secret rule runs through the whole core pack (so other rules'
// messages and fixes are checked too), and the text under each of the rule's findings is searched for
// in the whole serialised result.

const NOW = new Date('2026-06-01T00:00:00Z');
const packRoot = builtinPackRoot();
const { ruleSet } = loadRuleSet([packRoot]);
const secretRules = new Set(ruleSet.rules.filter((r) => r.meta.tags.includes('secret')).map((r) => r.meta.id));

/**
 * The secret and every 12-character piece of its words past a 4-character public prefix (what mask()
 * may show): long enough that a hit is a leak, not an ordinary word or indentation the secret shares
 * with the file.
 */
function leakProbes(secret: string): string[] {
  const probes = [secret];
  secret.split(/\s+/).forEach((word, n) => {
    for (let i = n === 0 ? 4 : 0; i + 12 <= word.length; i++) probes.push(word.slice(i, i + 12));
  });
  return probes;
}

describe('secret values never leak into results', () => {
  it('the core pack has secret rules', () => assert.ok(secretRules.size >= 5, [...secretRules].join(', ')));

  for (const folder of discoverRuleFolders(packRoot).filter((f) => secretRules.has(f.ruleId))) {
    for (const fixture of folder.fixtures) {
      it(`${folder.ruleId}/${fixture.name}`, () => {
        const result = analyze({ uri: fixture.name, text: fixture.text }, ruleSet, { now: NOW });
        const secrets = result.findings.filter((f) => f.ruleId === folder.ruleId).map((f) => fixture.text.slice(f.span.start, f.span.end));
        if (secrets.length === 0) return; // fixtures of quiet cases have nothing to leak
        const serialised = JSON.stringify(result);
        for (const secret of secrets) {
          for (const probe of leakProbes(secret)) {
            assert.ok(!serialised.includes(probe), `"${probe.slice(0, 2)}…" from a ${secret.length}-character secret appears in the result`);
          }
        }
        for (const f of result.findings) assert.ok(!secrets.some((s) => f.message.includes(s)), `${f.ruleId}: message echoes a secret`);
      });
    }
  }
});
