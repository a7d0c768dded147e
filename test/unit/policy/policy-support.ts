import { analyze, builtinTemplates, type LoadedPack, type RuleSet } from '../../../server/src/engine';
import { loadBundle, type LoadedBundle } from '../../../server/src/engine/policy';
import { builtinPackRoot, loadRuleSet } from '../../../server/src/node/rule-packs';

// A real built-in pack and a small bundle written as files, for the policy tests.

export function corePack(): LoadedPack {
  const { ruleSet, errors } = loadRuleSet([builtinPackRoot()]);
  if (errors.length > 0) throw new Error(`core pack: ${JSON.stringify(errors)}`);
  return { info: ruleSet.packs[0], rules: ruleSet.rules };
}

const NETCAT_RULE = [
  'id: acme-run-netcat',
  'title: netcat used in RUN',
  'severity: medium',
  'confidence: high',
  "message: 'RUN uses {{command}}.'",
  'description: Raw network tools in build steps.',
  'remediation: Remove it.',
  'match:',
  '  template: dockerfile-run-command',
  '  params: { commands: [nc, netcat] }',
  '',
].join('\n');

export function bundleTexts(policy: string, extra: Readonly<Record<string, string>> = {}): Map<string, string> {
  return new Map(
    Object.entries({
      'policy.yaml': policy,
      'packs/acme/pack.yaml': 'id: acme\nversion: 2.1.0\ndescription: ACME rules.\n',
      'packs/acme/dockerfile/acme-run-netcat/rule.yaml': NETCAT_RULE,
      ...extra,
    }),
  );
}

export function bundleOf(policy: string, extra: Readonly<Record<string, string>> = {}): LoadedBundle {
  const { bundle, errors } = loadBundle(bundleTexts(policy, extra), 'sha256:' + 'b'.repeat(64), builtinTemplates());
  if (!bundle) throw new Error(`bundle: ${JSON.stringify(errors)}`);
  return bundle;
}

export const NOW = new Date('2026-01-15T00:00:00Z');

export function findingsOf(text: string, ruleSet: RuleSet, uri = 'Dockerfile') {
  return analyze({ uri, text }, ruleSet, { now: NOW });
}
