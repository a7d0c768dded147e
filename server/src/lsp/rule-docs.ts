import type { Finding, Provenance, RuleMeta } from '../engine';

// Markdown for hovers and for the "rule documentation" view; one renderer so both read the same.

// A Map: peer tool names come from packs (`peers: { constructor: [...] }`).
const PEER_NAMES: ReadonlyMap<string, string> = new Map(Object.entries({
  hadolint: 'hadolint',
  trivy: 'Trivy',
  checkov: 'Checkov',
  kics: 'KICS',
  'kube-linter': 'kube-linter',
  kubelinter: 'kube-linter',
  polaris: 'Polaris',
  kubesec: 'kubesec',
  pss: 'PSS',
  gitleaks: 'gitleaks',
  'detect-secrets': 'detect-secrets',
  semgrep: 'Semgrep',
}));

/** "hadolint DL3007 · Trivy DS-0001 · Checkov CKV_DOCKER_7" */
export function peerLine(meta: RuleMeta): string {
  return Object.entries(meta.peers)
    .flatMap(([tool, ids]) => ids.map((id) => `${PEER_NAMES.get(tool.toLowerCase()) ?? tool} ${id}`))
    .join(' · ');
}

function cweLinks(meta: RuleMeta): string {
  return meta.cwe
    .map((cwe) => {
      const n = /^CWE-(\d+)$/.exec(cwe)?.[1];
      return n ? `[${cwe}](https://cwe.mitre.org/data/definitions/${n}.html)` : cwe;
    })
    .join(', ');
}

/** The sections shared by the hover and the generated docs. */
function metaSections(meta: RuleMeta): string[] {
  const sections = [`**Why it matters**  \n${meta.description}`, `**How to fix**  \n${meta.remediation}`];
  const peers = peerLine(meta);
  if (peers) sections.push(`**Also reported by** ${peers}`);
  if (meta.cwe.length > 0) sections.push(`**CWE** ${cweLinks(meta)}`);
  return sections;
}

export function hoverMarkdown(finding: Finding, meta: RuleMeta | undefined): string {
  if (!meta) return `**${escapeMarkdown(finding.message)}**\n\n\`${finding.ruleId}\` · pack \`${finding.packId}\``;
  return [
    `**${escapeMarkdown(meta.title)}** · ${finding.severity}`,
    escapeMarkdown(finding.message),
    ...metaSections(meta),
    `Rule \`${meta.id}\` · pack \`${meta.packId}\``,
    ...(meta.provenance ? [provenanceLine(meta.provenance)] : []),
  ].join('\n\n');
}

/** Which policy judged the finding: bundle name, version and digest, and where the severity came from. */
function provenanceLine(p: Provenance): string {
  const severity = p.severityFrom === 'policy' ? ' · severity set by the policy' : p.severityFrom === 'user' ? ' · severity set by a user override' : '';
  return `**Policy** \`${p.bundle.name}\` ${p.bundle.version} (\`${p.bundle.digest}\`) · pack \`${p.packId}\` ${p.packVersion}${severity}${p.nonWaivable ? ' · non-waivable' : ''}`;
}

/** The rule's README when the pack ships one, otherwise a page rendered from its metadata. */
export function ruleDocsMarkdown(meta: RuleMeta): string {
  if (meta.docs && meta.docs.trim().length > 0) return meta.docs;
  const references = meta.references.map((r) => `- <${r}>`).join('\n');
  return [
    `# ${escapeMarkdown(meta.title)}`,
    `\`${meta.id}\` · pack \`${meta.packId}\` · ${meta.language} · severity ${meta.severity} · confidence ${meta.confidence}`,
    ...metaSections(meta),
    ...(references ? [`**References**\n\n${references}`] : []),
  ].join('\n\n');
}

function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]<>|])/g, '\\$1');
}
