import * as fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { CancellationToken, Connection, Diagnostic, TextDocuments, WorkDoneProgressReporter } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { listWorkspaceFiles } from '../node/workspace-files';
import type { BulwarkSettings } from '../protocol/settings';
import type { AnalysisService } from './analysis-service';
import type { ClientFeatures } from './capabilities';
import type { ScanWorkspaceParams, ScanWorkspaceResult } from './custom-protocol';
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

const BINARY_SNIFF_BYTES = 8192;
const PROGRESS_EVERY = 25;

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
    const progress = await this.progressReporter(params);
    progress.begin('Bulwark: scanning the workspace', 0, undefined, true);
    // Either the request or (for a server-created progress) the progress UI's Cancel button stops it.
    const cancelled = () => token.isCancellationRequested || ('token' in progress && (progress.token as CancellationToken).isCancellationRequested);
    const seen = new Set<string>();
    let files = 0;
    let findings = 0;
    let skipped = 0;
    try {
      const open = new Map(this.deps.documents.all().map((d) => [fsPathOf(d.uri) ?? d.uri, d]));
      for (const folder of this.deps.folders.all()) {
        const settings = await this.deps.analysis.settingsFor(folder.uri);
        const listed = listWorkspaceFiles(folder.fsPath);
        for (let i = 0; i < listed.length && !cancelled(); i++) {
          const file = listed[i];
          seen.add(file);
          const doc = open.get(file);
          if (doc) {
            files++;
            findings += (await this.deps.analysis.analyzeLatest(doc))?.result.findings.length ?? 0;
          } else {
            const uri = pathToFileURL(file).href;
            const diagnostics = this.analyzeFile(file, uri, settings);
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
    return { files, findings, skipped };
  }

  /** Findings of a file on disk as diagnostics; undefined when it is skipped (size, binary, excluded). */
  private analyzeFile(file: string, uri: string, settings: BulwarkSettings): Diagnostic[] | undefined {
    if (!settings.enable || this.deps.analysis.isExcluded(uri, settings)) return undefined;
    let buffer: Buffer;
    try {
      // The size check comes before reading: a huge file costs one stat.
      if (fs.statSync(file).size > settings.maxFileSize) return undefined;
      buffer = fs.readFileSync(file);
    } catch {
      return undefined;
    }
    if (buffer.subarray(0, BINARY_SNIFF_BYTES).includes(0)) return undefined;
    const text = buffer.toString('utf8');
    const result = this.deps.analysis.analyzeText(uri, text, undefined, settings);
    const doc = TextDocument.create(uri, 'plaintext', 0, text);
    return result.findings.map((f) => findingDiagnostic(f, doc, 0, this.deps.analysis.rules));
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
