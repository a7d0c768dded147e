import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { UNREADABLE_CODES } from '../node/source-file';
import { unreadNotices, type FileReport, type Region, type ReportedFinding, type ReportedFix, type ReportedNotice, type ScanReport } from './report';
import { jsonTerminalSafe } from './terminal-text';
import { ruleDescriptor, sarifLevel } from './sarif-rules';
import { TOOL_INFORMATION_URI, TOOL_NAME, TOOL_VERSION } from './tool-info';
import type { BundleIdentity } from '../engine';
import { provenanceJson } from './format-json';

// SARIF 2.1.0, one run, shaped for GitHub code scanning upload: paths relative to %SRCROOT% (the
// scan root), 1-based regions in UTF-16 code units, a line-independent partial fingerprint, and
// suppressed findings kept as results with an inSource suppression.

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const SRCROOT = '%SRCROOT%';
const FINGERPRINT_KEY = 'bulwark/v1';

const NOTE_CODES = new Set(['binary-file', 'file-too-large', 'templated-yaml', 'symlink-not-followed', 'not-a-regular-file']);

export function formatSarif(report: ScanReport): string {
  const ruleIndex = new Map(report.rules.map((r, i) => [r.id, i]));
  const artifact: ArtifactOf = artifactLocation;
  const results = report.files.flatMap((file) => [
    ...file.findings.map((f) => result(f, file, ruleIndex, artifact)),
    ...file.suppressed.map((s) => ({
      ...result(s.finding, file, ruleIndex, artifact),
      suppressions: [{ kind: 'inSource', justification: s.reason, ...(s.until ? { properties: { until: s.until } } : {}) }],
    })),
  ]);
  const skippedPaths = report.pathNotices.map((n) => notification(n, { path: n.path, absolutePath: path.resolve(report.root, n.path) }, ruleIndex, artifact));
  const notifications = [...skippedPaths, ...report.files.flatMap((file) => file.notices.map((n) => notification(n, file, ruleIndex, artifact)))];
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: TOOL_NAME,
            version: TOOL_VERSION,
            semanticVersion: TOOL_VERSION,
            ...(TOOL_INFORMATION_URI ? { informationUri: TOOL_INFORMATION_URI } : {}),
            rules: report.rules.map(ruleDescriptor),
          },
        },
        ...(report.bundle ? { automationDetails: automationDetails(report.bundle) } : {}),
        originalUriBaseIds: { [SRCROOT]: { uri: directoryUri(report.root) } },
        // A scan that could not read part of its input did not succeed, even where it is allowed to pass.
        invocations: [{ executionSuccessful: unreadNotices(report).length === 0, toolExecutionNotifications: notifications }],
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return jsonTerminalSafe(JSON.stringify(log, null, 2)) + '\n';
}

type ArtifactOf = (file: { path: string; absolutePath: string }) => { uri: string; uriBaseId?: string };

function result(finding: ReportedFinding, file: FileReport, ruleIndex: ReadonlyMap<string, number>, artifact: ArtifactOf) {
  const index = ruleIndex.get(finding.ruleId);
  return {
    ruleId: finding.ruleId,
    ...(index !== undefined ? { ruleIndex: index } : {}),
    level: sarifLevel(finding.severity),
    message: { text: finding.message },
    locations: [{ physicalLocation: { artifactLocation: artifact(file), region: region(finding.region) } }],
    ...(finding.related ? { relatedLocations: finding.related.map((r, id) => ({ id, physicalLocation: { artifactLocation: artifact({ path: r.path, absolutePath: path.resolve(r.path) }), region: region(r.region) }, message: { text: r.message } })) } : {}),
    partialFingerprints: { [FINGERPRINT_KEY]: finding.fingerprint },
    // SARIF fixes are replacements in the result's file; a fix that only creates another file has none.
    ...(finding.fixes.some((fix) => fix.edits.length > 0) ? { fixes: finding.fixes.filter((fix) => fix.edits.length > 0).map((fix) => sarifFix(fix, artifact(file))) } : {}),
    properties: { severity: finding.severity, pack: finding.packId, ...(finding.provenance ? { provenance: provenanceJson(finding.provenance) } : {}) },
  };
}

function sarifFix(fix: ReportedFix, location: { uri: string; uriBaseId?: string }) {
  return {
    description: { text: fix.title },
    artifactChanges: [
      {
        artifactLocation: location,
        replacements: fix.edits.map((e) => ({ deletedRegion: region(e.region), insertedContent: { text: e.newText } })),
      },
    ],
    properties: { kind: fix.kind },
  };
}

function notification(notice: ReportedNotice, file: { path: string; absolutePath: string }, ruleIndex: ReadonlyMap<string, number>, artifact: ArtifactOf) {
  const index = notice.ruleId ? ruleIndex.get(notice.ruleId) : undefined;
  return {
    level: UNREADABLE_CODES.has(notice.code) ? 'error' : NOTE_CODES.has(notice.code) ? 'note' : 'warning',
    message: { text: notice.message },
    descriptor: { id: notice.code },
    locations: [{ physicalLocation: { artifactLocation: artifact(file), ...(notice.region ? { region: region(notice.region) } : {}) } }],
    ...(notice.ruleId ? { associatedRule: { id: notice.ruleId, ...(index !== undefined ? { index } : {}) } } : {}),
  };
}

/**
 * The run names the policy that judged it. The id is the category GitHub code scanning groups alerts
 * by: per bundle name, not version, so alerts keep their history when the bundle is updated.
 */
function automationDetails(bundle: BundleIdentity) {
  return {
    id: `bulwark/policy/${bundle.name}/`,
    description: { text: `Policy bundle ${bundle.name} ${bundle.version} (${bundle.digest})` },
    properties: { bundle: bundle.name, bundleVersion: bundle.version, bundleDigest: bundle.digest },
  };
}

function region(r: Region) {
  return { startLine: r.startLine, startColumn: r.startColumn, endLine: r.endLine, endColumn: r.endColumn };
}

/** Relative to %SRCROOT% when inside the scan root (the path is then already relative); else absolute. */
function artifactLocation(file: { path: string; absolutePath: string }): { uri: string; uriBaseId?: string } {
  if (!path.isAbsolute(file.path)) return { uri: file.path.split('/').map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
  return { uri: pathToFileURL(file.absolutePath).href };
}

function directoryUri(dir: string): string {
  const href = pathToFileURL(dir).href;
  return href.endsWith('/') ? href : href + '/';
}
