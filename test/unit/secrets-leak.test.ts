import * as assert from 'node:assert/strict';
import { analyze } from '../../server/src/engine';
import { discoverRuleFolders } from '../../server/src/node/rule-fixtures';
import { builtinPackRoot, loadRuleSet } from '../../server/src/node/rule-packs';
import { leakProbes } from '../support/secret-fixtures';

// A secret never leaves the engine in clear: not in a message, a fix, a notice, or anywhere else in
// the result. Every fixture of every secret rule runs through the whole core pack (so other rules'
// messages and fixes are checked too), and the text under each of the rule's findings is searched for
// in the whole serialised result. test/cli/secret-leaks.test.ts checks every output channel.

const NOW = new Date('2026-06-01T00:00:00Z');
const packRoot = builtinPackRoot();
const { ruleSet } = loadRuleSet([packRoot]);
const secretRules = new Set(ruleSet.rules.filter((r) => r.meta.tags.includes('secret')).map((r) => r.meta.id));

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
