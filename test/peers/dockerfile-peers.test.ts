import * as assert from 'node:assert/strict';
import { analyze, onlyRules, type Rule } from '../../server/src/engine';
import { builtinPackRoot, loadRuleSet } from '../../server/src/node/rule-packs';
import { describePeerAgreement } from './peer-agreement';

// Dockerfile rules against Trivy's and Checkov's own fixtures; the table below lists where we
// deliberately differ, and why.

/** fixture path (relative to labeled/) → rule id → why our answer differs from the peer's label. */
const DISAGREEMENTS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'checkov/dockerfile/CKV_DOCKER_4_AddExists/failure/Dockerfile': {
    'docker-add-local-file': 'its only ADD downloads a URL: that is docker-add-remote-url (which agrees), not a local copy',
  },
  'checkov/dockerfile/CKV_DOCKER_2_HealthcheckExists/failure/Dockerfile': {
    'docker-healthcheck-missing': 'no EXPOSE and no CMD/ENTRYPOINT: nothing listens, so there is nothing to check (the rule judges network services only; its README gives the firing rates)',
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

const { ruleSet } = loadRuleSet([builtinPackRoot()]);

/** Through analyze(), as users get it: a rule that crashes on a peer's file fails here too. */
function findings(rule: Rule, fixture: string, text: string): string[] {
  // The fixtures are named Dockerfile, Dockerfile.basic, bad1.Dockerfile…: say the language outright.
  const result = analyze({ uri: fixture, text, languageId: 'dockerfile' }, onlyRules(ruleSet, new Set([rule.meta.id])), { now: new Date('2026-06-01T00:00:00Z') });
  assert.deepEqual(result.notices.filter((n) => n.code === 'rule-failed').map((n) => n.message), []);
  return result.findings.map((f) => f.message);
}

describePeerAgreement({
  title: 'Dockerfile rules agree with peer tools on their own fixtures',
  language: 'dockerfile',
  platform: 'dockerfile',
  disagreements: DISAGREEMENTS,
  corpusIds,
  findings,
});
