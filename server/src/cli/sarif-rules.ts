import type { Confidence, RuleMeta, Severity } from '../engine';

// SARIF reportingDescriptors for GitHub code scanning: `security-severity` drives its severity
// badge (it buckets ≥9 critical, ≥7 high, ≥4 medium, else low), and the `security` tag is what
// makes GitHub treat the rule as a security query.

const SECURITY_SEVERITY: Readonly<Record<Severity, string>> = { critical: '9.5', high: '8.0', medium: '5.5', low: '3.0', info: '1.0' };

export type SarifLevel = 'error' | 'warning' | 'note';

export function sarifLevel(severity: Severity): SarifLevel {
  return severity === 'critical' || severity === 'high' ? 'error' : severity === 'medium' ? 'warning' : 'note';
}

const PRECISION: Readonly<Record<Confidence, string>> = { high: 'high', medium: 'medium', low: 'low' };

export function ruleDescriptor(rule: RuleMeta) {
  const cweTags = rule.cwe.map((c) => `external/cwe/${c.toLowerCase()}`);
  return {
    id: rule.id,
    name: pascalCase(rule.id),
    shortDescription: { text: rule.title },
    fullDescription: { text: rule.description },
    help: { text: rule.remediation, markdown: helpMarkdown(rule) },
    defaultConfiguration: { level: sarifLevel(rule.severity) },
    properties: {
      tags: unique(['security', ...rule.tags, ...cweTags]),
      precision: PRECISION[rule.confidence],
      'security-severity': SECURITY_SEVERITY[rule.severity],
      cwe: [...rule.cwe],
      severity: rule.severity,
      language: rule.language,
      pack: rule.packId,
      ...(Object.keys(rule.peers).length > 0 ? { peers: rule.peers } : {}),
    },
  };
}

function helpMarkdown(rule: RuleMeta): string {
  const parts = [`**Remediation:** ${rule.remediation}`];
  if (rule.docs?.trim()) parts.push(rule.docs.trim());
  else parts.push(rule.description);
  const unlisted = rule.references.filter((r) => !rule.docs?.includes(r));
  if (unlisted.length > 0) parts.push(['References:', ...unlisted.map((r) => `- ${r}`)].join('\n'));
  return parts.join('\n\n');
}

function pascalCase(id: string): string {
  return id
    .split('-')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
