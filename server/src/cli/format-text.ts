import { SEVERITIES, type Severity } from '../engine';
import { allFindings, failingFindings, failingNotices, severityCounts, unreadNotices, type FileReport, type Region, type ReportedNotice, type ScanReport } from './report';
import { terminalSafe as safe } from './terminal-text';

// `path:line:col: severity rule-id message`, one line per finding, grouped per file, then a summary.
// Messages come from the engine already masked; no file content is ever printed. Every string that
// comes from a scanned file or a pack (paths, rule ids, messages) is printed through terminalSafe.

interface Palette {
  severity(severity: Severity, text: string): string;
  dim(text: string): string;
  bold(text: string): string;
}

const SEVERITY_SGR: Readonly<Record<Severity, string>> = { critical: '1;35', high: '31', medium: '33', low: '36', info: '90' };
const sgr = (code: string, text: string) => `\u001b[${code}m${text}\u001b[0m`;
const PLAIN: Palette = { severity: (_s, t) => t, dim: (t) => t, bold: (t) => t };
const ANSI: Palette = { severity: (s, t) => sgr(SEVERITY_SGR[s], t), dim: (t) => sgr('2', t), bold: (t) => sgr('1', t) };

export function formatText(report: ScanReport, color: boolean): string {
  const palette = color ? ANSI : PLAIN;
  const skippedPaths = report.pathNotices.map((n) => noticeLine(n, palette));
  const groups = [skippedPaths, ...report.files.map((f) => fileLines(f, palette))].filter((lines) => lines.length > 0);
  const body = groups.map((lines) => lines.join('\n')).join('\n\n');
  return (body ? body + '\n\n' : '') + summary(report, palette).join('\n') + '\n';
}

function fileLines(file: FileReport, palette: Palette): string[] {
  const lines = file.findings.flatMap((f) => [
    `${where(file.path, f.region)}: ${palette.severity(f.severity, f.severity)} ${palette.dim(safe(f.ruleId))} ${safe(f.message)}`,
    ...(f.related ?? []).map((r) => `  ${palette.dim('related')} ${where(r.path, r.region)}: ${safe(r.message)}`),
  ]);
  for (const n of file.notices) lines.push(noticeLine({ ...n, path: file.path }, palette));
  for (const advice of file.advice ?? []) lines.push(`${safe(file.path)}: ${palette.bold('advice')} ${safe(advice)}`);
  return lines;
}

function noticeLine(n: ReportedNotice, palette: Palette): string {
  return `${where(n.path, n.region)}: ${palette.dim(`notice ${safe(n.code)}`)} ${safe(n.message)}`;
}

function where(path: string, region: Region | undefined): string {
  return region ? `${safe(path)}:${region.startLine}:${region.startColumn}` : safe(path);
}

function summary(report: ScanReport, palette: Palette): string[] {
  const findings = allFindings(report);
  const analysed = report.files.filter((f) => f.language !== undefined).length;
  const skipped = report.files.length - analysed;
  const suppressed = report.files.reduce((n, f) => n + f.suppressed.length, 0);
  const lines: string[] = [];
  if (report.bundle) lines.push(safe(`Policy: ${report.bundle.name} ${report.bundle.version} (${report.bundle.digest})`));
  if (report.fixMode !== 'off') {
    const fixed = report.files.filter((f) => f.fixesApplied > 0);
    const count = fixed.reduce((n, f) => n + f.fixesApplied, 0);
    const verb = report.fixMode === 'write' ? 'Fixed' : 'Would fix (dry run)';
    lines.push(`${verb} ${plural(count, 'problem')} in ${plural(fixed.length, 'file')}${count > 0 ? ':' : '.'}`);
    for (const f of fixed) lines.push(`  ${safe(f.path)} (${f.fixesApplied})`);
  }
  const extras = [
    `${plural(analysed, 'file')} scanned`,
    skipped > 0 ? `${skipped} not analysed` : '',
    suppressed > 0 ? `${suppressed} suppressed` : '',
  ].filter(Boolean);
  if (findings.length === 0) {
    lines.push(palette.bold(`No findings`) + ` (${extras.join(', ')}).`);
  } else {
    const counts = severityCounts(findings);
    const bySeverity = SEVERITIES.filter((s) => counts[s] > 0).map((s) => palette.severity(s, `${counts[s]} ${s}`)).join(', ');
    const withFiles = new Set(findings.map((f) => f.path)).size;
    lines.push(`${palette.bold(plural(findings.length, 'finding'))} (${bySeverity}) in ${plural(withFiles, 'file')} (${extras.join(', ')}).`);
    const fixable = findings.filter((f) => f.fixes.some((x) => x.kind === 'autofix')).length;
    if (fixable > 0 && report.fixMode === 'off') lines.push(`${plural(fixable, 'finding')} can be fixed automatically with --fix.`);
  }
  const failing = failingFindings(report).length;
  if (failing > 0) lines.push(`Failing: ${plural(failing, 'finding')} at or above ${report.failOn} (--fail-on ${report.failOn}).`);
  const incomplete = failingNotices(report).length;
  if (incomplete > 0) lines.push(`Failing: ${plural(incomplete, 'check')} could not be completed (rule-failed, script-too-complex count as high).`);
  const unread = unreadNotices(report).length;
  if (unread > 0) {
    const verdict = report.allowIncomplete ? 'not failing (--allow-incomplete)' : 'exit 3 (--allow-incomplete to accept)';
    lines.push(palette.bold(`Incomplete: ${plural(unread, 'path')} could not be read (unreadable-file, unreadable-folder notices above); ${verdict}.`));
  }
  return lines;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
