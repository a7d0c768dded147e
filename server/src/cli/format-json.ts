import type { Provenance } from '../engine';
import type { Region, ReportedFinding, ScanReport } from './report';
import { allFindings, failingFindings, severityCounts, unreadNotices } from './report';
import { jsonTerminalSafe } from './terminal-text';
import { TOOL_VERSION } from './tool-info';

// The JSON report is a documented contract (docs/cli.md): bump JSON_REPORT_VERSION on any
// incompatible change; adding fields is compatible.

export const JSON_REPORT_VERSION = 1;

export function formatJson(report: ScanReport): string {
  const findings = allFindings(report);
  const document = {
    version: JSON_REPORT_VERSION,
    tool: { name: 'bulwark', version: TOOL_VERSION },
    failOn: report.failOn,
    ...(report.bundle ? { policy: { name: report.bundle.name, version: report.bundle.version, digest: report.bundle.digest } } : {}),
    summary: {
      files: report.files.length,
      analysed: report.files.filter((f) => f.language !== undefined).length,
      findings: findings.length,
      failing: failingFindings(report).length,
      suppressed: report.files.reduce((n, f) => n + f.suppressed.length, 0),
      fixesApplied: report.files.reduce((n, f) => n + f.fixesApplied, 0),
      bySeverity: severityCounts(findings),
      /** Paths that could not be read (unreadable-file, unreadable-folder notices): the result is incomplete. */
      unreadable: unreadNotices(report).length,
      incomplete: unreadNotices(report).length > 0,
    },
    files: report.files.map((f) => ({
      path: f.path,
      language: f.language ?? null,
      analysed: f.language !== undefined,
      findings: f.findings.length,
      suppressed: f.suppressed.length,
      fixesApplied: f.fixesApplied,
    })),
    findings: findings.map(findingJson),
    suppressed: report.files.flatMap((f) => f.suppressed.map((s) => ({ ...findingJson(s.finding), reason: s.reason, until: s.until ?? null }))),
    notices: [...report.pathNotices, ...report.files.flatMap((f) => f.notices)].map((n) => ({
      path: n.path,
      code: n.code,
      message: n.message,
      ruleId: n.ruleId ?? null,
      ...(n.region ? regionJson(n.region) : {}),
    })),
  };
  return jsonTerminalSafe(JSON.stringify(document, null, 2)) + '\n';
}

function findingJson(f: ReportedFinding) {
  return {
    path: f.path,
    ruleId: f.ruleId,
    packId: f.packId,
    severity: f.severity,
    message: f.message,
    ...regionJson(f.region),
    fingerprint: f.fingerprint,
    fixes: f.fixes.map((x) => ({ kind: x.kind, title: x.title })),
    ...(f.provenance ? { provenance: provenanceJson(f.provenance) } : {}),
    ...(f.related ? { related: f.related.map((r) => ({ path: r.path, ...regionJson(r.region), message: r.message })) } : {}),
  };
}

/** Flat and stable: what a reviewer needs to tell which policy judged the finding. */
export function provenanceJson(p: Provenance) {
  return {
    ruleId: p.ruleId,
    packId: p.packId,
    packVersion: p.packVersion,
    packSource: p.source,
    bundle: p.bundle.name,
    bundleVersion: p.bundle.version,
    bundleDigest: p.bundle.digest,
    severityFrom: p.severityFrom,
    nonWaivable: p.nonWaivable,
  };
}

function regionJson(r: Region) {
  return { startLine: r.startLine, startColumn: r.startColumn, endLine: r.endLine, endColumn: r.endColumn };
}
