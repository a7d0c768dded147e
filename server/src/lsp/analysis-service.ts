import { LSPErrorCodes, ResponseError } from 'vscode-languageserver/node';
import { analysisSteps, analyze, type AnalysisResult, type AnalyzeOptions, type Notice } from '../engine';
import type { ApprovedImages } from '../engine/policy';
import type { BulwarkSettings } from '../protocol/settings';
import type { ExcludeMatcher } from './exclude';
import { SectionParseCache } from './section-parse-cache';
import type { RuleSetService } from './rule-set-service';
import type { SettingsCache } from './settings-cache';
import type { WorkspaceIndexService } from './workspace-index-service';

/** The part of a TextDocument the analysis needs; TextDocuments' documents satisfy it. */
export interface AnalysableDocument {
  readonly uri: string;
  readonly version: number;
  readonly languageId: string;
  getText(): string;
  /** The text's size in UTF-8 bytes, when the document knows it without encoding its text (EditableDocument). */
  utf8Length?(): number;
}

export interface DocumentAnalysis {
  readonly uri: string;
  readonly version: number;
  /** SettingsCache generation the result was computed under. */
  readonly generation: number;
  readonly result: AnalysisResult;
}

export interface AnalysisDeps {
  readonly rules: RuleSetService;
  readonly settings: SettingsCache;
  readonly exclude: ExcludeMatcher;
  readonly log: (message: string) => void;
  readonly now: () => Date;
  /** An approved-images list from the user's settings, for a rule set whose policy carries none. */
  readonly approvedImages?: () => ApprovedImages | undefined;
  /** The workspace index the cross-file rules read; absent in tests that need none. */
  readonly workspace?: WorkspaceIndexService;
}

interface OpenDocumentState {
  readonly cache: SectionParseCache;
  latest?: DocumentAnalysis;
  running?: { readonly version: number; readonly generation: number; readonly promise: Promise<DocumentAnalysis> };
}

/** How long an analysis runs before the event loop gets a turn. */
const TIME_SLICE_MS = 20;

/** The document changed while it was analysed: the result would describe text that is gone. */
class AnalysisSuperseded extends ResponseError<{ retriggerRequest: boolean }> {
  constructor() {
    super(LSPErrorCodes.ServerCancelled, 'the document changed during the analysis', { retriggerRequest: true });
  }
}

const EMPTY: Omit<AnalysisResult, 'language'> = { findings: [], suppressed: [], notices: [] };

/**
 * Runs the engine for open documents and for files on disk with the resource's settings applied
 * (enable, exclude, size limit in bytes, severity overrides). Keeps one parse cache and the latest
 * result per open document, so code actions and hovers look findings up instead of re-analysing.
 */
export class AnalysisService {
  private readonly open = new Map<string, OpenDocumentState>();
  private readonly reportedFailures = new Set<string>();

  constructor(private readonly deps: AnalysisDeps) {}

  get rules(): RuleSetService {
    return this.deps.rules;
  }

  /**
   * Changes when the settings or the workspace's facts change (both counters only grow, so their sum
   * does too): a result computed before is recognised as stale.
   */
  get generation(): number {
    return this.deps.settings.generation + (this.deps.workspace?.generation ?? 0);
  }

  /** The latest analysis when it still matches the document's version and the current settings. */
  current(doc: AnalysableDocument): DocumentAnalysis | undefined {
    const latest = this.open.get(doc.uri)?.latest;
    return latest && latest.version === doc.version && latest.generation === this.generation ? latest : undefined;
  }

  /**
   * The document's analysis, computed in time slices: between rules the event loop gets a turn (so
   * hovers, code actions and cancellations are read), and once the document has changed the work is
   * dropped (AnalysisSuperseded). Callers asking for the same version share one run.
   */
  async analyzeDocument(doc: AnalysableDocument): Promise<DocumentAnalysis> {
    const cached = this.current(doc);
    if (cached) return cached;
    // This text's facts first: the analysis below then sees the workspace as it is with this text.
    this.deps.workspace?.updateText(doc.uri, doc.getText(), doc.languageId, this.open.get(doc.uri)?.cache);
    const generation = this.generation;
    const settings = await this.deps.settings.get(doc.uri);
    // The document may have changed while the settings were fetched: analyse what it is now.
    const again = this.current(doc);
    if (again) return again;
    // A document closed meanwhile (or never opened) is analysed without keeping anything.
    const state = this.open.get(doc.uri);
    const running = state?.running;
    if (running && running.version === doc.version && running.generation === generation) return running.promise;
    const version = doc.version;
    const promise = this.analyzeInSlices(doc, settings, state?.cache).then((result): DocumentAnalysis => {
      const analysis = { uri: doc.uri, version, generation, result };
      if (state && this.open.get(doc.uri) === state && (!state.latest || state.latest.version <= version)) state.latest = analysis;
      return analysis;
    });
    if (state) state.running = { version, generation, promise };
    try {
      return await promise;
    } finally {
      if (state?.running?.promise === promise) state.running = undefined;
    }
  }

  /** analyzeDocument, or undefined when the document changed meanwhile (its next version is analysed on its own). */
  async analyzeLatest(doc: AnalysableDocument): Promise<DocumentAnalysis | undefined> {
    try {
      return await this.analyzeDocument(doc);
    } catch (err) {
      if (err instanceof AnalysisSuperseded) return undefined;
      throw err;
    }
  }

  private async analyzeInSlices(doc: AnalysableDocument, settings: BulwarkSettings, cache: SectionParseCache | undefined): Promise<AnalysisResult> {
    const version = doc.version;
    const text = doc.getText();
    const skipped = this.skipped(doc.uri, text, settings, doc.utf8Length?.bind(doc));
    if (skipped) return skipped;
    const steps = analysisSteps({ uri: doc.uri, text, languageId: doc.languageId }, this.deps.rules.ruleSet, this.optionsFor(settings, cache));
    let sliceStart = Date.now();
    for (;;) {
      const step = steps.next();
      if (step.done) return this.finished(doc.uri, step.value, cache);
      if (Date.now() - sliceStart < TIME_SLICE_MS) continue;
      await new Promise((resolve) => setImmediate(resolve));
      sliceStart = Date.now();
      if (doc.version !== version) {
        cache?.endAnalysis();
        throw new AnalysisSuperseded();
      }
    }
  }

  /**
   * One analysis with the resource's settings; `cache` reuses parsed YAML sections between calls.
   * `imageDigests`: digests a registry answered just now (code actions pin the replacement fix with them).
   */
  analyzeText(uri: string, text: string, languageId: string | undefined, settings: BulwarkSettings, cache?: SectionParseCache, imageDigests?: ReadonlyMap<string, string>): AnalysisResult {
    const skipped = this.skipped(uri, text, settings);
    if (skipped) return skipped;
    const options = { ...this.optionsFor(settings, cache), ...(imageDigests ? { imageDigests } : {}) };
    return this.finished(uri, analyze({ uri, text, languageId }, this.deps.rules.ruleSet, options), cache);
  }

  private skipped(uri: string, text: string, settings: BulwarkSettings, utf8Length = () => Buffer.byteLength(text, 'utf8')): AnalysisResult | undefined {
    if (this.isExcluded(uri, settings)) return { language: 'text', ...EMPTY };
    // bulwark.maxFileSize is in bytes; a UTF-8 byte count is never below the UTF-16 length the engine
    // measures, so once the byte check passes the engine's own check passes too.
    if (text.length * 3 > settings.maxFileSize && utf8Length() > settings.maxFileSize) {
      return { language: 'text', ...EMPTY, notices: [tooLarge(settings.maxFileSize)] };
    }
    return undefined;
  }

  private optionsFor(settings: BulwarkSettings, cache: SectionParseCache | undefined): AnalyzeOptions {
    const approvedImages = this.deps.approvedImages?.();
    const workspace = this.deps.workspace?.current;
    return {
      now: this.deps.now(),
      maxFileSize: settings.maxFileSize,
      severityOverrides: settings.severityOverrides,
      podSecurityProfile: settings.podSecurityProfile,
      honorPeerSuppressions: settings.honorPeerSuppressions,
      cache,
      textWindows: true,
      ...(approvedImages ? { approvedImages } : {}),
      ...(workspace ? { workspace } : {}),
    };
  }

  private finished(uri: string, result: AnalysisResult, cache: SectionParseCache | undefined): AnalysisResult {
    cache?.endAnalysis();
    this.logRuleFailures(uri, result.notices);
    return result;
  }

  /** bulwark.enable off, or the file matches bulwark.exclude. */
  isExcluded(uri: string, settings: BulwarkSettings): boolean {
    return !settings.enable || this.deps.exclude.isExcluded(uri, settings.exclude);
  }

  settingsFor(uri: string): Promise<BulwarkSettings> {
    return this.deps.settings.get(uri);
  }

  /** The open document's parse cache, for analyses of edited copies of its text (fix all). */
  parseCacheOf(uri: string): SectionParseCache | undefined {
    return this.open.get(uri)?.cache;
  }

  /** A document was opened: give it a parse cache. */
  opened(uri: string): void {
    if (!this.open.has(uri)) this.open.set(uri, { cache: new SectionParseCache() });
  }

  closed(uri: string): void {
    this.open.delete(uri);
    for (const key of this.reportedFailures) if (key.endsWith(`\u0000${uri}`)) this.reportedFailures.delete(key);
  }

  private logRuleFailures(uri: string, notices: readonly Notice[]): void {
    for (const notice of notices) {
      if (notice.code !== 'rule-failed') continue;
      const key = `${notice.ruleId ?? ''}\u0000${uri}`;
      if (this.reportedFailures.has(key)) continue;
      this.reportedFailures.add(key);
      this.deps.log(`${notice.message} (${uri})`);
    }
  }
}

function tooLarge(maxBytes: number): Notice {
  return { code: 'file-too-large', message: `Not analysed: the file is larger than the ${Math.round(maxBytes / 1024)} KB limit (bulwark.maxFileSize).` };
}
