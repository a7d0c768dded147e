import * as fs from 'node:fs';
import { analyze, autofixesOf, DocumentParseCache, MAX_FIX_PASSES, workloadFacts, type AnalyzeOptions, type ParseCache, type RuleMeta, type RuleSet, type WorkloadContainerFact, type WorkspaceIndex } from '../engine';
import { indexFilesOnDisk } from '../node/workspace-index';
import { LONG_SCAN_FILES } from './throughput-flags';
import { isDotenvFile, trackedDotenvAdvice } from '../engine/dotenv-files';
import { gitTrackedFileSync } from '../node/git-tracked';
import type { ScanOptions } from './args';
import { analysedFileReport, skippedFileReport } from './file-report';
import { fixFile } from './fix';
import type { FileReport, ReportedNotice, ScanReport } from './report';
import { encodeSource, readSourceFile } from '../node/source-file';
import { ReadBuffer } from '../node/regular-file';
import { collectFiles, displayPath } from './scan-files';
import { inShard } from './shard';
import { pinFileImages } from './pin-digests';
import type { ResolvedDigests } from '../node/image-digests';
import type { ScannedFile } from './worker-protocol';
import { IndexedReads } from './indexed-reads';

export interface ScanContext {
  /** The scan root: paths are resolved against it and reported relative to it. */
  readonly cwd: string;
  readonly now: Date;
  readonly ruleSet: RuleSet;
  /** --pin-digests: what the registries answered for the scanned images (cli/pin-digests.ts). */
  readonly pins?: ResolvedDigests;
  /** The scanned files' workspace index, when a cross-file rule is enabled. */
  readonly workspace?: WorkspaceIndex;
  /** What the index read of the files this thread analyses (a one-thread scan): not read or parsed twice. */
  readonly indexedReads?: IndexedReads;
  /** The buffer this thread reads each file into before decoding it (node/regular-file.ts). */
  readonly readBuffer?: ReadBuffer;
  /** Called once the listing has LONG_SCAN_FILES files or more, before any is read. */
  readonly onLongScan?: () => void;
}

/** One file of a scan: its path as reported and on disk. */
export interface ScanTask {
  readonly path: string;
  readonly absolutePath: string;
  /** A folder's walk listed it as a regular file, not a link (CollectedFiles.givenFiles). */
  readonly listedAsFile?: boolean;
}

/** What a scan covers, listed and indexed, before any file is analysed. */
export interface ScanPlan {
  readonly tasks: readonly ScanTask[];
  readonly pathNotices: readonly ReportedNotice[];
  readonly workspace?: WorkspaceIndex;
}

/** Lists, reads, analyses (and with --fix, rewrites) every file; one file's trouble never stops the scan. */
export function runScan(options: ScanOptions, context: ScanContext): ScanReport {
  const indexedReads = new IndexedReads();
  const here = { ...context, indexedReads, readBuffer: new ReadBuffer() };
  return scanPlanned(options, here, planScan(options, here));
}

/** The scan of a plan's files, one after the other in this thread. */
export function scanPlanned(options: ScanOptions, context: ScanContext, plan: ScanPlan): ScanReport {
  const rulesById = rulesByIdOf(context.ruleSet);
  const workspace = plan.workspace;
  if (!workspace) return scanReport(options, context, plan, plan.tasks.map((task) => scanFile(task, options, context, rulesById)));
  const reports = new Array<FileReport>(plan.tasks.length);
  const workloads = new Map<string, WorkloadContainerFact[]>();
  const { first, last } = scanPhases(plan, workspace);
  for (const i of first) reports[i] = scanFile(plan.tasks[i], options, { ...context, workspace }, rulesById, collectWorkloads(workloads));
  const complete = withWorkloads(workspace, workloads);
  for (const i of last) reports[i] = scanFile(plan.tasks[i], options, { ...context, workspace: complete }, rulesById);
  return scanReport(options, context, plan, reports);
}

/**
 * Dockerfiles last: whether their image runs as root depends on the workloads of every manifest, and a
 * manifest's workloads come from its own analysis (not a second parse). Indices into the plan's tasks.
 */
export function scanPhases(plan: ScanPlan, workspace: WorkspaceIndex): { readonly first: number[]; readonly last: number[] } {
  const first: number[] = [];
  const last: number[] = [];
  plan.tasks.forEach((task, i) => (workspace.files.get(task.absolutePath)?.isDockerfile === true ? last : first).push(i));
  return { first, last };
}

/** A hook that records the workload containers of each file analysed. */
export function collectWorkloads(into: Map<string, WorkloadContainerFact[]>): AnalysedHook {
  return (uri, text, cache) => into.set(uri, workloadFacts({ uri, text }, cache));
}

export function withWorkloads(workspace: WorkspaceIndex, workloads: ReadonlyMap<string, readonly WorkloadContainerFact[]>): WorkspaceIndex {
  return workloads.size > 0 ? workspace.withWorkloads(workloads) : workspace;
}

/** The files to scan, in report order, and the workspace index the cross-file rules read. */
export function planScan(options: ScanOptions, context: ScanContext): ScanPlan {
  return indexedPlan(options, context, listScan(options, context));
}

/** What a scan covers before anything is read: every listed file (the index's input) and this shard's tasks. */
export interface ScanListing {
  readonly files: readonly string[];
  readonly tasks: readonly ScanTask[];
  readonly pathNotices: readonly ReportedNotice[];
}

/** Lists the scan's files (cheap: no file is read), so workers can start loading while the index is built. */
export function listScan(options: ScanOptions, context: ScanContext): ScanListing {
  const listing = collectFiles(options.paths, options.exclude, context.cwd);
  const shard = options.shard;
  const mine = (absolutePath: string) => !shard || inShard(displayPath(absolutePath, context.cwd), shard);
  const tasks = listing.files.filter(mine).map((absolutePath) => ({ path: displayPath(absolutePath, context.cwd), absolutePath, ...(listing.givenFiles.has(absolutePath) ? {} : { listedAsFile: true }) }));
  if (tasks.length >= LONG_SCAN_FILES) context.onLongScan?.();
  return {
    files: listing.files,
    tasks,
    pathNotices: listing.skipped.filter((s) => mine(s.path)).map((s) => ({ path: displayPath(s.path, context.cwd), code: s.code, message: s.message })),
  };
}

/** The listing with the workspace index its cross-file rules read (none when no enabled rule reads one). */
export function indexedPlan(options: ScanOptions, context: ScanContext, listing: ScanListing): ScanPlan {
  // Cross-file rules see what this scan covers: the index is built from the listed files first, all of
  // them even in a shard, so a shard reports what the unsharded scan reports for its files.
  const enabled = context.ruleSet.rules.filter((r) => options.severityOverrides.get(r.meta.id) !== 'off');
  const analysed = new Set(listing.tasks.map((t) => t.absolutePath));
  // Workload containers of the files this scan analyses come from their own analysis (scanPlanned), not a second parse.
  const kept = context.indexedReads;
  const keep = kept && options.fix === 'off' ? (file: string) => (analysed.has(file) ? kept.hookFor(file) : undefined) : undefined;
  const workspace = indexFilesOnDisk(listing.files, enabled, options.maxFileSize, (file) => !analysed.has(file), keep);
  return { tasks: listing.tasks, pathNotices: listing.pathNotices, ...(workspace ? { workspace } : {}) };
}

/** The report of a plan whose files were scanned, `files` in the plan's order. */
export function scanReport(options: ScanOptions, context: ScanContext, plan: ScanPlan, files: readonly FileReport[]): ScanReport {
  return {
    root: context.cwd,
    files,
    pathNotices: plan.pathNotices,
    allowIncomplete: options.allowIncomplete,
    rules: context.ruleSet.rules.filter((r) => options.severityOverrides.get(r.meta.id) !== 'off').map((r) => r.meta),
    failOn: options.failOn,
    fixMode: options.fix,
    ...(context.ruleSet.bundle ? { bundle: context.ruleSet.bundle } : {}),
  };
}

export function rulesByIdOf(ruleSet: RuleSet): ReadonlyMap<string, RuleMeta> {
  return new Map(ruleSet.rules.map((r) => [r.meta.id, r.meta]));
}

/**
 * One task's report as a scan thread returns it: with the workload containers its analysis found when
 * `collect` is set and the scan reads the workspace (a scan's first phase, scanPhases).
 */
export function scannedFile(task: ScanTask, index: number, options: ScanOptions, context: ScanContext, rulesById: ReadonlyMap<string, RuleMeta>, collect: boolean): ScannedFile {
  if (!context.workspace || !collect) return { index, report: scanFile(task, options, context, rulesById) };
  const workloads = new Map<string, WorkloadContainerFact[]>();
  const report = scanFile(task, options, context, rulesById, collectWorkloads(workloads));
  const found = workloads.get(task.absolutePath);
  return { index, report, ...(found ? { workloads: found } : {}) };
}

/** Called with a file's final text and the parse cache its analysis filled. */
export type AnalysedHook = (uri: string, text: string, cache: ParseCache) => void;

/** One file's report; the same in the main thread and in a scan worker. */
export function scanFile(file: ScanTask, options: ScanOptions, context: ScanContext, rulesById: ReadonlyMap<string, RuleMeta>, onAnalysed?: AnalysedHook): FileReport {
  return withDotenvAdvice(analysedFile(file, options, context, rulesById, onAnalysed), rulesById);
}

/**
 * A `.env` file with secrets that git tracks: ignoring it, untracking it and rotating its values is the
 * advice (issue 8). Git is asked only for such files, within a deadline; no git, no advice.
 */
function withDotenvAdvice(report: FileReport, rulesById: ReadonlyMap<string, RuleMeta>): FileReport {
  // Most files have no finding: that is asked first, before the path is split to read the file's name.
  if (report.findings.length === 0 || !isDotenvFile(report.absolutePath) || !report.findings.some((f) => rulesById.get(f.ruleId)?.tags.includes('secret'))) return report;
  const tracked = gitTrackedFileSync(report.absolutePath);
  return tracked ? { ...report, advice: [trackedDotenvAdvice(tracked.pathInRepo)] } : report;
}

function analysedFile(
  file: ScanTask,
  options: ScanOptions,
  context: ScanContext,
  rulesById: ReadonlyMap<string, RuleMeta>,
  onAnalysed?: AnalysedHook,
): FileReport {
  const indexed = context.indexedReads?.take(file.absolutePath);
  const read = indexed?.read ?? readSourceFile(file.absolutePath, { maxBytes: options.maxFileSize, limitName: '--max-file-size', listedAsFile: file.listedAsFile === true, into: context.readBuffer });
  if (read.kind === 'skipped') return skippedFileReport(file, read.code, read.message);
  // One file's cache, dropped after its analysis (ParseCache.shortLived).
  const cache = indexed?.cache ?? new DocumentParseCache(undefined, true);
  const analyzeOptions: AnalyzeOptions = {
    now: context.now,
    maxFileSize: options.maxFileSize,
    severityOverrides: options.severityOverrides,
    honorPeerSuppressions: options.honorPeerSuppressions,
    podSecurityProfile: options.podSecurityProfile,
    cache,
    // The replacement fixes name the approved image pinned to the digest its registry serves.
    ...(context.pins ? { imageDigests: context.pins.digests } : {}),
    ...(context.workspace ? { workspace: context.workspace } : {}),
  };
  const uri = file.absolutePath;
  const pathOf = (other: string) => displayPath(other, context.cwd);
  // The text the report describes, with the cache its analysis filled: the hook reads it without parsing again.
  const done = (text: string, report: FileReport): FileReport => {
    onAnalysed?.(uri, text, cache);
    return report;
  };
  if (options.fix === 'off') return done(read.text, analysedFileReport(file, read.text, analyze({ uri, text: read.text }, context.ruleSet, analyzeOptions), rulesById, { pathOf }));

  const notices: ReportedNotice[] = [];
  if (!read.lossless) {
    const result = analyze({ uri, text: read.text }, context.ruleSet, analyzeOptions);
    if (autofixesOf(result).length > 0) {
      notices.push({ path: file.path, code: 'fix-skipped', message: 'Autofixes not applied: the file is not valid UTF-8, and rewriting it would change the invalid bytes.' });
    }
    return done(read.text, analysedFileReport(file, read.text, result, rulesById, { notices, pathOf }));
  }
  const pinned = context.pins ? pinFileImages(file, read.text, context.pins, { ruleSet: context.ruleSet, now: context.now, honorPeerSuppressions: options.honorPeerSuppressions }) : { text: read.text, applied: 0, notices: [] };
  notices.push(...pinned.notices);
  const fixed = fixFile(uri, pinned.text, context.ruleSet, analyzeOptions);
  const outcome = { ...fixed, applied: fixed.applied + pinned.applied };
  if (!outcome.stable) {
    notices.push({ path: file.path, code: 'fix-not-stable', message: `Autofixes were still on offer after ${MAX_FIX_PASSES} passes; the remaining ones were not applied.` });
  }
  if (options.fix === 'write' && outcome.applied > 0) {
    try {
      fs.writeFileSync(file.absolutePath, encodeSource(outcome.text, read.encoding));
    } catch (err) {
      notices.push({ path: file.path, code: 'fix-not-written', message: `Autofixes could not be written: ${err instanceof Error ? err.message : String(err)}` });
      const result = analyze({ uri, text: read.text }, context.ruleSet, analyzeOptions);
      return done(read.text, analysedFileReport(file, read.text, result, rulesById, { notices, pathOf }));
    }
  }
  return done(outcome.text, analysedFileReport(file, outcome.text, outcome.result, rulesById, { notices, fixesApplied: outcome.applied, pathOf }));
}
