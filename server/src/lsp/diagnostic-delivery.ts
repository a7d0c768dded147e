import {
  DocumentDiagnosticReportKind,
  LSPErrorCodes,
  ResponseError,
  type Connection,
  type Diagnostic,
  type DocumentDiagnosticReport,
  type TextDocuments,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { AnalysisService } from './analysis-service';
import type { ClientFeatures } from './capabilities';
import type { PreparedDiagnosticsEncoder } from './diagnostic-json';
import { DocumentDiagnostics } from './document-diagnostics';
import { guard, runGuarded, type Log } from './guard';
import type { IdleCollection } from './idle-collection';

/** Diagnostics of files that are not open (from "Scan workspace"), kept by the workspace scanner. */
export interface ClosedFileDiagnostics {
  has(uri: string): boolean;
  cached(uri: string): Diagnostic[] | undefined;
  /** Re-reads the file from disk and publishes its diagnostics again. */
  republish(uri: string): Promise<void>;
}

export interface DeliveryDeps {
  readonly connection: Connection;
  readonly documents: TextDocuments<TextDocument>;
  readonly analysis: AnalysisService;
  readonly features: ClientFeatures;
  readonly closedFiles: ClosedFileDiagnostics;
  readonly log: Log;
  /** Push mode waits this long after the last change before analysing. */
  readonly debounceMs: number;
  /** The connection's JSON encoder, when it splices diagnostics serialised at an earlier publish. */
  readonly encoder?: PreparedDiagnosticsEncoder;
  /** Collects garbage once a delivery is done, not during the next analysis (idle-collection.ts). */
  readonly idle?: IdleCollection;
}

/**
 * Delivers diagnostics the way the client wants them: answered on `textDocument/diagnostic` when the
 * client pulls (VS Code), published after a short debounce when it does not (Neovim 0.7). Only the
 * latest version of a document is published; work for a superseded version is dropped.
 */
export class DiagnosticDelivery {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** Each open document's diagnostics, converted and serialised, kept from one delivery to the next. */
  private readonly delivered = new Map<string, DocumentDiagnostics>();

  constructor(private readonly deps: DeliveryDeps) {}

  register(): void {
    const { documents, analysis, features, connection, log } = this.deps;
    documents.onDidOpen((e) =>
      runGuarded(log, 'didOpen', () => {
        analysis.opened(e.document.uri);
        // A scanned file's pushed diagnostics would duplicate the pulled ones while it is open.
        if (features.pullDiagnostics && this.deps.closedFiles.has(e.document.uri)) void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
      }),
    );
    documents.onDidChangeContent((e) => {
      if (!features.pullDiagnostics) this.schedule(e.document.uri);
    });
    documents.onDidClose((e) => runGuarded(log, 'didClose', () => this.closed(e.document.uri)));
    if (features.pullDiagnostics) {
      connection.languages.diagnostics.on(
        guard(log, 'textDocument/diagnostic', (): DocumentDiagnosticReport => ({ kind: DocumentDiagnosticReportKind.Full, items: [] }), (params, token) => this.pull(params.textDocument.uri, params.previousResultId, token)),
      );
    }
  }

  /** Settings changed: every open document's diagnostics may be different now. */
  revalidateAll(): void {
    const { features, connection, documents, log } = this.deps;
    if (features.pullDiagnostics) {
      if (features.diagnosticRefresh) connection.languages.diagnostics.refresh().catch((err: unknown) => log(`diagnostic refresh failed: ${String(err)}`));
      return;
    }
    for (const doc of documents.all()) this.schedule(doc.uri);
  }

  private async pull(uri: string, previousResultId: string | undefined, token: { isCancellationRequested: boolean }): Promise<DocumentDiagnosticReport> {
    const doc = this.deps.documents.get(uri);
    if (!doc) return { kind: DocumentDiagnosticReportKind.Full, items: this.deps.closedFiles.cached(uri) ?? [] };
    const analysis = await this.deps.analysis.analyzeDocument(doc);
    if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.ServerCancelled, 'superseded', { retriggerRequest: true });
    if (doc.version !== analysis.version) throw new ResponseError(LSPErrorCodes.ServerCancelled, 'document changed', { retriggerRequest: true });
    // Most keystrokes leave every diagnostic where it was: the client keeps the ones it has, and the
    // server neither serialises nor sends them again (LSP 3.17 previousResultId).
    const report = this.documentDiagnostics(uri).pull(analysis, doc, previousResultId);
    this.deps.idle?.afterDelivery();
    return report;
  }

  private schedule(uri: string): void {
    const pending = this.timers.get(uri);
    if (pending) clearTimeout(pending);
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        runGuarded(this.deps.log, 'publishDiagnostics', () => this.push(uri));
      }, this.deps.debounceMs),
    );
  }

  private async push(uri: string): Promise<void> {
    const doc = this.deps.documents.get(uri);
    if (!doc) return;
    const analysis = await this.deps.analysis.analyzeLatest(doc);
    // A newer version arrived meanwhile: its own timer publishes it.
    if (!analysis || this.deps.documents.get(uri) !== doc || doc.version !== analysis.version || this.timers.has(uri)) return;
    const diagnostics = this.documentDiagnostics(uri).push(analysis, doc);
    await this.deps.connection.sendDiagnostics({ uri, version: analysis.version, diagnostics });
    this.deps.idle?.afterDelivery();
  }

  /** The open document's delivery state (the caller checked that it is open). */
  private documentDiagnostics(uri: string): DocumentDiagnostics {
    let state = this.delivered.get(uri);
    if (!state) this.delivered.set(uri, (state = new DocumentDiagnostics(this.deps.analysis.rules, this.deps.encoder)));
    return state;
  }

  private closed(uri: string): void {
    const pending = this.timers.get(uri);
    if (pending) clearTimeout(pending);
    this.timers.delete(uri);
    this.delivered.delete(uri);
    this.deps.analysis.closed(uri);
    if (this.deps.closedFiles.has(uri)) {
      void this.deps.closedFiles.republish(uri);
      return;
    }
    if (!this.deps.features.pullDiagnostics) void this.deps.connection.sendDiagnostics({ uri, diagnostics: [] });
  }
}
