import { pathToFileURL } from 'node:url';
import { LSPErrorCodes, MessageType, ResponseError, ShowMessageNotification, type CancellationToken, type Connection, type Diagnostic, type TextDocuments, type WorkDoneProgressReporter } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { readSourceFile, UNREADABLE_CODES } from '../node/source-file';
import { walkWorkspace } from '../node/workspace-files';
import type { BulwarkSettings } from '../protocol/settings';
import type { AnalysisService } from './analysis-service';
import type { ClientFeatures } from './capabilities';
import type { ScanWorkspaceParams, ScanWorkspaceResult } from '../protocol/custom-protocol';
import type { ClosedFileDiagnostics } from './diagnostic-delivery';
import { findingDiagnostic } from './diagnostics';
import type { Log } from './guard';
import { fsPathOf, type WorkspaceFolders } from './workspace-folders';

export interface ScanDeps {
  readonly connection: Connection;
  readonly documents: TextDocuments<TextDocument>;
  readonly folders: WorkspaceFolders;
  readonly analysis: AnalysisService;
  readonly features: ClientFeatures;
  readonly log: Log;
}

const PROGRESS_EVERY = 25;
/** Listing a large tree is synchronous work: yield to other requests every this many entries. */
const LIST_YIELD_EVERY = 200;
/** Skipped paths written to the log per scan; the rest are counted. */
const MAX_LOGGED_SKIPS = 50;

type SkippedPath = { readonly path: string; readonly code: string; readonly message: string };

/**
 * "Scan workspace": analyses every listed file of every folder and publishes the findings of files
 * that are not open (VS Code shows pushed diagnostics of closed files in Problems, for pull clients
 * too). Open files are counted from their live analysis and keep their normal diagnostics. Notices
 * (templated YAML, parse errors) of closed files are left out: in a whole-workspace view they are noise.
 */
export class WorkspaceScanner implements ClosedFileDiagnostics {
  /** Published diagnostics of closed files, by file-system path (URIs differ in escaping between clients). */
  private readonly published = new Map<string, { uri: string; diagnostics: Diagnostic[] }>();

  constructor(private readonly deps: ScanDeps) {}

  has(uri: string): boolean {
    const file = fsPathOf(uri);
    return file !== undefined && this.published.has(file);
  }

  cached(uri: string): Diagnostic[] | undefined {
    const file = fsPathOf(uri);
    return file === undefined ? undefined : this.published.get(file)?.diagnostics;
  }

  async republish(uri: string): Promise<void> {
    const file = fsPathOf(uri);
    const entry = file === undefined ? undefined : this.published.get(file);
    if (!file || !entry) return;
    const settings = await this.deps.analysis.settingsFor(uri);
    const diagnostics = this.analyzeFile(file, entry.uri, settings) ?? [];
    await this.publish(file, entry.uri, diagnostics);
  }

  async scan(params: ScanWorkspaceParams, token: CancellationToken): Promise<ScanWorkspaceResult> {
    // Nothing to scan is not a clean workspace: the client asked about folders the server was not told of.
    if (this.deps.folders.all().length === 0) throw new ResponseError(LSPErrorCodes.RequestFailed, 'the server has no workspace folder to scan');
    const progress = await this.progressReporter(params);
    progress.begin('Bulwark: scanning the workspace', 0, undefined, true);
    // Either the request or (for a server-created progress) the progress UI's Cancel button stops it.
    const cancelled = () => token.isCancellationRequested || ('token' in progress && (progress.token as CancellationToken).isCancellationRequested);
    const seen = new Set<string>();
    let files = 0;
    let findings = 0;
    let skipped = 0;
    const skippedPaths: SkippedPath[] = [];
    try {
      const open = new Map(this.deps.documents.all().map((d) => [fsPathOf(d.uri) ?? d.uri, d]));
      for (const folder of this.deps.folders.all()) {
        const settings = await this.deps.analysis.settingsFor(folder.uri);
        const listed = await this.list(folder.fsPath, skippedPaths, cancelled);
        for (let i = 0; i < listed.length && !cancelled(); i++) {
          const file = listed[i];
          seen.add(file);
          const doc = open.get(file);
          if (doc) {
            files++;
            findings += (await this.deps.analysis.analyzeLatest(doc))?.result.findings.length ?? 0;
          } else {
            const uri = pathToFileURL(file).href;
            const diagnostics = this.analyzeFile(file, uri, settings, skippedPaths);
            if (diagnostics === undefined) skipped++;
            else {
              files++;
              findings += diagnostics.length;
              await this.publish(file, uri, diagnostics);
            }
          }
          if (i % PROGRESS_EVERY === 0) {
            progress.report(Math.round((100 * i) / Math.max(1, listed.length)), `${folder.fsPath}: ${i}/${listed.length} files`);
            // Let keystrokes and pulls in between files.
            await new Promise((resolve) => setImmediate(resolve));
          }
        }
      }
      // Files that are gone (deleted, newly ignored) lose the diagnostics an earlier scan published.
      if (!cancelled()) for (const [file, entry] of [...this.published]) if (!seen.has(file)) await this.publish(file, entry.uri, []);
    } finally {
      progress.done();
    }
    const unreadable = skippedPaths.filter((s) => UNREADABLE_CODES.has(s.code)).length;
    await this.reportSkips(skippedPaths, unreadable);
    return { files, findings, skipped, unreadable };
  }

  /** The folder's files, walked in slices so that keystrokes and pulls are answered meanwhile. */
  private async list(root: string, skippedPaths: SkippedPath[], cancelled: () => boolean): Promise<string[]> {
    const files: string[] = [];
    let seen = 0;
    for (const entry of walkWorkspace(root)) {
      if (entry.kind === 'file') files.push(entry.path);
      else skippedPaths.push(entry);
      if (++seen % LIST_YIELD_EVERY === 0) {
        await new Promise((resolve) => setImmediate(resolve));
        if (cancelled()) break;
      }
    }
    return files;
  }

  /** Every skipped path goes to the log; unreadable ones are also shown: the scan is incomplete. */
  private async reportSkips(skippedPaths: readonly SkippedPath[], unreadable: number): Promise<void> {
    for (const s of skippedPaths.slice(0, MAX_LOGGED_SKIPS)) this.deps.log(`Scan workspace: ${s.path}: ${s.code}: ${s.message}`);
    if (skippedPaths.length > MAX_LOGGED_SKIPS) this.deps.log(`Scan workspace: ${skippedPaths.length - MAX_LOGGED_SKIPS} more paths skipped.`);
    if (unreadable > 0) {
      // A notification, not window/showMessageRequest: the scan's answer must not wait for a click.
      await this.deps.connection.sendNotification(ShowMessageNotification.type, {
        type: MessageType.Warning,
        message: `Bulwark: the workspace scan is incomplete: ${unreadable} ${unreadable === 1 ? 'path' : 'paths'} could not be read (see the Bulwark log).`,
      });
    }
  }

  /**
   * Findings of a file on disk as diagnostics; undefined when it is skipped (size, binary, excluded,
   * unreadable). Read as the CLI reads it, so positions agree (BOM removed, UTF-16 decoded).
   */
  private analyzeFile(file: string, uri: string, settings: BulwarkSettings, skippedPaths?: SkippedPath[]): Diagnostic[] | undefined {
    if (!settings.enable || this.deps.analysis.isExcluded(uri, settings)) return undefined;
    const read = readSourceFile(file, { maxBytes: settings.maxFileSize, limitName: 'bulwark.maxFileSize' });
    if (read.kind === 'skipped') {
      if (read.code === 'unreadable-file' || read.code === 'not-a-regular-file') skippedPaths?.push({ path: file, code: read.code, message: read.message });
      return undefined;
    }
    const text = read.text;
    const result = this.deps.analysis.analyzeText(uri, text, undefined, settings);
    const doc = TextDocument.create(uri, 'plaintext', 0, text);
    return result.findings.map((f) => findingDiagnostic(f, doc, this.deps.analysis.rules));
  }

  private async publish(file: string, uri: string, diagnostics: Diagnostic[]): Promise<void> {
    const had = this.published.has(file);
    if (diagnostics.length === 0) {
      this.published.delete(file);
      if (!had) return;
    } else {
      this.published.set(file, { uri, diagnostics });
    }
    await this.deps.connection.sendDiagnostics({ uri, diagnostics });
  }

  private async progressReporter(params: ScanWorkspaceParams): Promise<WorkDoneProgressReporter> {
    const window = this.deps.connection.window;
    if (params.workDoneToken !== undefined) return window.attachWorkDoneProgress(params.workDoneToken);
    if (this.deps.features.workDoneProgress) return window.createWorkDoneProgress();
    return window.attachWorkDoneProgress(undefined);
  }
}
