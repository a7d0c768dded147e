import type { ReportedFinding, ScanReport } from './report';
import { allFindings } from './report';
import type { Severity } from '../engine';
import { jsonTerminalSafe } from './terminal-text';

// GitLab Code Quality (the Code Climate issue subset GitLab reads): a JSON array, one object per finding,
// shown in merge-request widgets. GitLab deduplicates on `fingerprint`, so ours (stable when lines move)
// keeps an unchanged finding from being reported as new.

const GITLAB_SEVERITY: ReadonlyMap<Severity, string> = new Map([
  ['critical', 'blocker'],
  ['high', 'critical'],
  ['medium', 'major'],
  ['low', 'minor'],
  ['info', 'info'],
]);

export function formatCodeQuality(report: ScanReport): string {
  return jsonTerminalSafe(JSON.stringify(allFindings(report).map(issue), null, 2)) + '\n';
}

function issue(f: ReportedFinding) {
  return {
    type: 'issue',
    check_name: f.ruleId,
    description: `${f.ruleId}: ${f.message}`,
    categories: ['Security'],
    severity: GITLAB_SEVERITY.get(f.severity) ?? 'info',
    fingerprint: f.fingerprint,
    location: { path: f.path, lines: { begin: f.region.startLine, end: f.region.endLine } },
  };
}
