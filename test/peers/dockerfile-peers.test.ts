import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze, onlyRules } from '../../server/src/engine';
import { builtinPackRoot, loadRuleSet } from '../../server/src/node/rule-packs';

// Peer agreement: each Dockerfile rule that names a peer check found in the labeled corpus must
// report on that peer's positive fixtures and stay quiet on its negative ones, except where the
// table below says why we deliberately differ (also explained in the rule's README). Fixtures run
// through analyze() so that a rule crashing on a peer's file fails here as well.

const LABELED = path.resolve(__dirname, '..', '..', '..', 'shared', 'corpora', 'labeled');
const INDEX = path.join(LABELED, 'INDEX.json');

interface IndexRecord {
  readonly tool: string;
  readonly platform: string;
  readonly check_id: string;
  readonly expected: string;
}

/** fixture path (relative to labeled/) → rule id → why our answer differs from the peer's label. */
const DISAGREEMENTS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'checkov/dockerfile/CKV_DOCKER_4_AddExists/failure/Dockerfile': {
    'docker-add-local-file': 'its only ADD downloads a URL: that is docker-add-remote-url (which agrees), not a local copy',
  },
  'trivy/dockerfile/DS-0002_root_user/bad1.Dockerfile': {
    'docker-user-root': 'no USER at all: that case is docker-user-missing (which agrees); this rule reports an explicit root USER',
  },
};

/** Our peer ids → the corpus's tool and check ids (hadolint and KICS have no fixtures in the corpus). */
function corpusIds(tool: string, id: string): { tool: string; checkIds: string[] } | undefined {
  switch (tool) {
    case 'trivy':
      return { tool: 'trivy-checks', checkIds: [id] };
    case 'checkov':
      return { tool, checkIds: [id] };
    default:
      return undefined;
  }
}

describe('Dockerfile rules agree with peer tools on their own fixtures', function () {
  if (!fs.existsSync(INDEX)) {
    it('skipped: the labeled corpus is absent', function () {
      console.log(`    (skipped: ${INDEX} not found; the peer corpus lives in ../shared beside the repository)`);
      this.skip();
    });
    return;
  }
  const index = JSON.parse(fs.readFileSync(INDEX, 'utf8')) as Record<string, IndexRecord>;
  const { ruleSet } = loadRuleSet([builtinPackRoot()]);
  const rules = ruleSet.rules.filter((r) => r.meta.language === 'dockerfile');
  const seen = new Set<string>();

  for (const rule of rules) {
    const single = onlyRules(ruleSet, new Set([rule.meta.id]));
    const cases: { fixture: string; expected: 'positive' | 'negative'; peer: string }[] = [];
    for (const [tool, ids] of Object.entries(rule.meta.peers)) {
      for (const id of ids) {
        const mapped = corpusIds(tool, id);
        if (!mapped) continue;
        for (const [fixture, record] of Object.entries(index)) {
          if (record.platform !== 'dockerfile' || record.tool !== mapped.tool || !mapped.checkIds.includes(record.check_id)) continue;
          if (record.expected === 'positive' || record.expected === 'negative') cases.push({ fixture, expected: record.expected, peer: `${tool} ${id}` });
        }
      }
    }
    if (cases.length === 0) continue;
    describe(rule.meta.id, () => {
      for (const c of cases) {
        const differs = DISAGREEMENTS[c.fixture]?.[rule.meta.id];
        seen.add(`${c.fixture}\u0000${rule.meta.id}`);
        it(`${c.expected} for ${c.peer}: ${c.fixture}${differs ? ' (we differ)' : ''}`, () => {
          // The fixtures are named Dockerfile, Dockerfile.basic, bad1.Dockerfile…: say the language outright.
          const result = analyze({ uri: c.fixture, text: fs.readFileSync(path.join(LABELED, c.fixture), 'utf8'), languageId: 'dockerfile' }, single, { now: new Date('2026-06-01T00:00:00Z') });
          assert.deepEqual(result.notices.filter((n) => n.code === 'rule-failed').map((n) => n.message), []);
          const found = result.findings.length;
          const agrees = c.expected === 'positive' ? found > 0 : found === 0;
          if (differs) assert.ok(!agrees, `listed as a deliberate difference (${differs}) but we now agree with the peer: remove it from DISAGREEMENTS`);
          else assert.ok(agrees, `${c.peer} labels this ${c.expected}; ${rule.meta.id} reported ${found} finding(s): ${result.findings.map((f) => f.message).join(' | ')}`);
        });
      }
    });
  }

  it('every listed disagreement is a case this suite runs', () => {
    const stale = Object.entries(DISAGREEMENTS).flatMap(([fixture, byRule]) => Object.keys(byRule).filter((id) => !seen.has(`${fixture}\u0000${id}`)).map((id) => `${fixture} ${id}`));
    assert.deepEqual(stale, []);
  });
});
