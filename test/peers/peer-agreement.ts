import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Language, Rule } from '../../server/src/engine';
import { builtinPackRoot, loadRuleSet } from '../../server/src/node/rule-packs';
import { SHARED } from '../support/shared-folder';

// Peer agreement over the labeled corpus (../shared/corpora/labeled): each rule that names a peer
// check found there must report on that peer's positive fixtures and stay quiet on its negative ones,
// except where a language's table says why we deliberately differ (also said in the rule's README).

export const LABELED = path.join(SHARED, 'corpora', 'labeled');
const INDEX = path.join(LABELED, 'INDEX.json');

interface IndexRecord {
  readonly tool: string;
  readonly platform: string;
  readonly check_id: string;
  readonly expected: string;
}

export interface PeerSuite {
  readonly title: string;
  readonly language: Language;
  /** The corpus's platform for this language (`dockerfile`, `k8s`). */
  readonly platform: string;
  /** fixture path (relative to labeled/) → rule id → why our answer differs from the peer's label. */
  readonly disagreements: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** A rule's peer id → the corpus's tool and check ids; undefined when the corpus has no fixtures for it. */
  corpusIds(tool: string, id: string): { tool: string; checkIds: string[] } | undefined;
  /** Runs one rule on one fixture; returns what it reported, as messages. */
  findings(rule: Rule, fixture: string, text: string): string[];
}

export function describePeerAgreement(suite: PeerSuite): void {
  describe(suite.title, function () {
    if (!fs.existsSync(INDEX)) {
      it('skipped: the labeled corpus is absent', function () {
        console.log(`    (skipped: ${INDEX} not found; the peer corpus lives in ../shared beside the repository)`);
        this.skip();
      });
      return;
    }
    const index = JSON.parse(fs.readFileSync(INDEX, 'utf8')) as Record<string, IndexRecord>;
    const rules = loadRuleSet([builtinPackRoot()]).ruleSet.rules.filter((r) => r.meta.language === suite.language);
    const seen = new Set<string>();

    for (const rule of rules) {
      const cases = casesOf(rule, index, suite);
      if (cases.length === 0) continue;
      describe(rule.meta.id, () => {
        for (const c of cases) {
          const differs = suite.disagreements[c.fixture]?.[rule.meta.id];
          seen.add(`${c.fixture}\u0000${rule.meta.id}`);
          it(`${c.expected} for ${c.peer}: ${c.fixture}${differs ? ' (we differ)' : ''}`, () => {
            const found = suite.findings(rule, c.fixture, fs.readFileSync(path.join(LABELED, c.fixture), 'utf8'));
            const agrees = c.expected === 'positive' ? found.length > 0 : found.length === 0;
            if (differs) assert.ok(!agrees, `listed as a deliberate difference (${differs}) but we now agree with the peer: remove it from the table`);
            else assert.ok(agrees, `${c.peer} labels this ${c.expected}; ${rule.meta.id} reported ${found.length} finding(s): ${found.join(' | ')}`);
          });
        }
      });
    }

    it('every listed disagreement is a case this suite runs', () => {
      const stale = Object.entries(suite.disagreements).flatMap(([fixture, byRule]) => Object.keys(byRule).filter((id) => !seen.has(`${fixture}\u0000${id}`)).map((id) => `${fixture} ${id}`));
      assert.deepEqual(stale, []);
    });
  });
}

function casesOf(rule: Rule, index: Record<string, IndexRecord>, suite: PeerSuite): { fixture: string; expected: 'positive' | 'negative'; peer: string }[] {
  const cases: { fixture: string; expected: 'positive' | 'negative'; peer: string }[] = [];
  for (const [tool, ids] of Object.entries(rule.meta.peers)) {
    for (const id of ids) {
      const mapped = suite.corpusIds(tool, id);
      if (!mapped) continue;
      for (const [fixture, record] of Object.entries(index)) {
        if (record.platform !== suite.platform || record.tool !== mapped.tool || !mapped.checkIds.includes(record.check_id)) continue;
        if (record.expected === 'positive' || record.expected === 'negative') cases.push({ fixture, expected: record.expected, peer: `${tool} ${id}` });
      }
    }
  }
  return cases;
}
