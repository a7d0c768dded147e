import { withContinuedLines } from './continued-lines';
import { movedReport } from './finding-memo';
import { parseText, type TextModel } from './parsers/text';
import type { SharedKeywordPass } from './templates/text/keyword-pass';
import type { CheckContext, ParseCache, Report, Rule, Span, TextLookaround } from './types';

// Text rules (secrets) run on every file at every keystroke. On a large file most of their work is the
// same as at the previous keystroke, so with a caller's cache (the editor keeps one per open document)
// a rule that declares its lookaround runs on windows instead of the whole text: the file is cut into
// chunks of whole lines, each chunk is checked together with the lines the rule may read around it, and
// the reports that start inside the chunk are kept under the window's text. A keystroke then re-checks
// the one or two windows whose text it changed. Chunks are cut where a line's own content says so
// (content-defined, as in rsync), so typing or adding a line moves no cut elsewhere in the file.
// Without a cache (the CLI) every rule sees the whole text, as it always did.

/** Where chunks are cut: content-defined, within size bounds (characters). */
export interface Chunking {
  /** A chunk is at least this long before a cut (fewer, larger windows: less overhead per keystroke). */
  readonly minChunk: number;
  /** Past this length a chunk is cut at the next line whatever its content (a file of identical lines). */
  readonly maxChunk: number;
  /** About one line in this many ends a chunk once the chunk is long enough. */
  readonly cutOneIn: number;
}

/**
 * Below this length the rules run on the whole text: one pass costs less than finding the windows,
 * and a single analysis (the CLI) gains nothing from them.
 */
export const WINDOWED_MIN_LENGTH = 64 * 1024;

const CHUNKING: Chunking = { minChunk: 4 * 1024, maxChunk: 32 * 1024, cutOneIn: 16 };

/** The one ParseCache entry that holds a document's windows (the cache is the document's own). */
const STORE_KEY = '\u0002text-windows';

/** A window's reports in offsets of the file, for one place of the window. */
interface PlacedReports {
  readonly start: number;
  readonly reports: readonly Report[];
}

interface WindowEntry {
  /** The window's text, a copy of its own (see ownCopy). */
  readonly text: string;
  readonly uri: string;
  /** Where the chunk lies in the window (the reports kept are those starting there) and whether it ends the file. */
  readonly core: string;
  /** Each rule's reports on the window that start in its chunk, relative to the window's start. */
  readonly byRule: Map<Rule, readonly Report[]>;
  /** The same reports in offsets of the file, for the place the window had when they were last asked for (and first placed). */
  readonly placed: Map<Rule, PlacedReports & { readonly origin?: PlacedReports }>;
}

/**
 * The windows of the last two analyses, found by a cheap fingerprint of their text and confirmed by
 * comparing the text itself: hashing every window's whole text as a Map key cost more than the rules.
 */
class WindowStore {
  private current = new Map<number, WindowEntry[]>();
  private previous = new Map<number, WindowEntry[]>();

  /** Called once per analysis: what the analysis before the last did not use ages out. */
  rotate(): void {
    this.previous = this.current;
    this.current = new Map();
  }

  find(text: string, uri: string, core: string): WindowEntry | undefined {
    const print = fingerprint(text);
    const hit = (list: readonly WindowEntry[] | undefined) => list?.find((e) => e.core === core && e.text === text && e.uri === uri);
    const now = hit(this.current.get(print));
    if (now) return now;
    const before = hit(this.previous.get(print));
    if (before) this.add(print, before);
    return before;
  }

  create(text: string, uri: string, core: string): WindowEntry {
    const entry = { text: ownCopy(text), uri, core, byRule: new Map<Rule, readonly Report[]>(), placed: new Map() };
    this.add(fingerprint(text), entry);
    return entry;
  }

  private add(print: number, entry: WindowEntry): void {
    const list = this.current.get(print);
    if (!list) this.current.set(print, [entry]);
    else if (!list.includes(entry)) list.push(entry);
  }
}

/** The length and a few characters spread over the text: equal texts agree, others rarely do. */
export function fingerprint(text: string): number {
  let hash = text.length;
  const step = Math.max(1, Math.floor(text.length / 32));
  for (let i = 0; i < text.length; i += step) hash = (Math.imul(hash, 31) + text.charCodeAt(i)) | 0;
  for (let i = Math.max(0, text.length - 16); i < text.length; i++) hash = (Math.imul(hash, 31) + text.charCodeAt(i)) | 0;
  return hash;
}

/**
 * One file's windows for one analysis: every chunk with the lines any of the rules may read around it
 * (one window per chunk for all rules, so a keystroke compares each unchanged window's text once).
 */
export class TextWindows {
  private windows: { readonly core: Span; readonly window: Span; readonly entry: WindowEntry }[] | undefined;
  private readonly store: WindowStore;
  /** The text model of each window re-checked in this analysis, shared by its rules (one keyword pass). */
  private readonly windowModels = new Map<WindowEntry, TextModel>();
  /** The text's first line when it is a `#!` line (CheckContext.shebang). */
  private readonly shebang: string;
  /** The rules' window facts together, part of every window's input as the `#!` line is. */
  private readonly factsKey: string;

  constructor(
    private readonly model: TextModel,
    cache: ParseCache,
    /** What each rule of the analysis may read around a line (their union sizes the windows). */
    private readonly lookaround: TextLookaround,
    chunking: Chunking = CHUNKING,
    /** False for the second and later windowed texts of one analysis (a manifest's large sections). */
    rotate = true,
    /** The rule set's one keyword pass, run once per re-checked window rather than once per rule and window. */
    private readonly keywordPass?: SharedKeywordPass,
    /** The file's chunks when another TextWindows of the same text has cut them (FileWindows). */
    private readonly cores: () => Span[] = () => chunkCores(model, chunking),
    /** What each rule with a windowFact read from the whole text (CheckContext.windowFact). */
    private readonly facts: ReadonlyMap<Rule, string> = new Map(),
  ) {
    this.shebang = shebangOf(model.text);
    this.factsKey = [...facts.values()].join('\u0001');
    const known = cache.get(STORE_KEY);
    this.store = known instanceof WindowStore ? known : new WindowStore();
    if (!known) cache.set(STORE_KEY, this.store);
    if (rotate) this.store.rotate();
  }

  /**
   * The rule's reports on the whole file, from windows: the same reports, in offsets of the file, as
   * running the rule on the whole text (test/unit/engine/text-windows.test.ts holds it to that).
   */
  reports(rule: Rule, context: Omit<CheckContext, 'report'>): Report[] {
    const out: Report[] = [];
    for (const w of (this.windows ??= this.layout(context.uri ?? ''))) {
      for (const r of this.placedReports(rule, w.entry, w.window, w.core, context)) out.push(r);
    }
    return out;
  }

  /**
   * windowReports in offsets of the file: shifted again only when the window moved (a keystroke above it).
   * A moved window's reports are moved from where they were placed last (movedReport), so the findings
   * made from them last time are moved too rather than made again (finding-memo.ts): a keystroke near the
   * top of a 1 MB file moves every report below it.
   */
  private placedReports(rule: Rule, entry: WindowEntry, window: Span, core: Span, context: Omit<CheckContext, 'report'>): readonly Report[] {
    const reports = this.windowReports(rule, entry, window, core, context);
    if (window.start === 0 || reports.length === 0) return reports;
    const known = entry.placed.get(rule);
    if (known && known.start === window.start) return known.reports;
    // Moved from the reports first placed, not from the last move: a chain of moves would keep every version alive.
    const origin = known?.origin ?? known;
    if (!origin) {
      const first = reports.map((r) => shiftReport(r, window.start));
      entry.placed.set(rule, { start: window.start, reports: first });
      return first;
    }
    const placed = origin.start === window.start ? origin.reports : origin.reports.map((r) => movedReport(r, window.start - origin.start));
    entry.placed.set(rule, { start: window.start, reports: placed, origin });
    return placed;
  }

  private layout(uri: string) {
    const cores = this.cores();
    const windows = windowSpans(this.model, cores, this.lookaround);
    return cores.map((core, i) => {
      const window = windows[i];
      const slice = this.model.text.slice(window.start, window.end);
      // The `#!` line and the rules' window facts are part of every window's input (CheckContext.shebang,
      // windowFact): a change of either re-checks them all.
      const inWindow = `${core.start - window.start}:${core.end - window.start}:${core.end === this.model.text.length}:${this.shebang}\u0002${this.factsKey}`;
      return { core, window, entry: this.store.find(slice, uri, inWindow) ?? this.store.create(slice, uri, inWindow) };
    });
  }

  private windowReports(rule: Rule, entry: WindowEntry, window: Span, core: Span, context: Omit<CheckContext, 'report'>): readonly Report[] {
    const known = entry.byRule.get(rule);
    if (known) return known;
    // The window's own copy, so the strings reports take from it do not keep this version of the whole text alive.
    let model = this.windowModels.get(entry);
    if (!model) this.windowModels.set(entry, (model = { ...parseText(entry.text, entry.uri, undefined, this.keywordPass), eol: this.model.eol }));
    const reports: Report[] = [];
    const windowFact = this.facts.get(rule);
    (rule.check as (m: TextModel, ctx: CheckContext) => void)(model, { ...context, inWindow: true, shebang: this.shebang, ...(windowFact === undefined ? {} : { windowFact }), report: (r) => reports.push(r) });
    const from = core.start - window.start;
    const to = core.end - window.start;
    const last = core.end === this.model.text.length;
    const kept = reports.filter((r) => r.span.start >= from && (r.span.start < to || (last && r.span.start === to)));
    entry.byRule.set(rule, kept);
    return kept;
  }
}

/**
 * A file's windows for its rules, in two sizes: the rules that read a few lines around a line get windows
 * of those lines, the ones that read thousands of characters around (assignments) windows of those. A
 * keystroke then re-checks, for most rules, the one small window it changed instead of the two or three
 * wide windows whose margins reach it. Both sizes share the file's chunks and one store of windows.
 */
export class FileWindows {
  private readonly byRule = new Map<Rule, TextWindows>();
  private cores: Span[] | undefined;

  constructor(
    private readonly model: TextModel,
    cache: ParseCache,
    lookarounds: ReadonlyMap<Rule, TextLookaround>,
    keywordPass?: SharedKeywordPass,
  ) {
    const wide = (l: TextLookaround) => (l.charsBefore ?? 0) > 0 || (l.charsAfter ?? 0) > 0;
    const cut = () => this.chunks();
    const facts = new Map<Rule, string>();
    for (const rule of lookarounds.keys()) if (rule.windowFact) facts.set(rule, rule.windowFact(model.fileName, model.text));
    for (const isWide of [false, true]) {
      const rules = [...lookarounds].filter(([, l]) => wide(l) === isWide);
      if (rules.length === 0) continue;
      // The store ages its entries once per analysis: only the first TextWindows rotates it.
      const windows = new TextWindows(model, cache, unionLookaround(rules.map(([, l]) => l)), CHUNKING, this.byRule.size === 0, keywordPass, cut, facts);
      for (const [rule] of rules) this.byRule.set(rule, windows);
    }
  }

  has(rule: Rule): boolean {
    return this.byRule.has(rule);
  }

  reports(rule: Rule, context: Omit<CheckContext, 'report'>): Report[] {
    const windows = this.byRule.get(rule);
    if (!windows) throw new Error(`rule ${rule.meta.id} does not run on windows`);
    return windows.reports(rule, context);
  }

  /** The file's chunks, which both sizes of windows share (and a whole-file step's per-chunk scan, chunk-results.ts). */
  chunks(): Span[] {
    return (this.cores ??= chunkCores(this.model, CHUNKING));
  }
}

/** The lookaround that covers each of `around` (the most of each measure). */
export function unionLookaround(around: readonly TextLookaround[]): TextLookaround {
  const most = (pick: (l: TextLookaround) => number | undefined) => Math.max(0, ...around.map((l) => pick(l) ?? 0));
  const continuedLines = around.some((l) => l.continuedLines === true);
  return { linesBefore: most((l) => l.linesBefore), linesAfter: most((l) => l.linesAfter), charsBefore: most((l) => l.charsBefore), charsAfter: most((l) => l.charsAfter), continuedLines };
}

/** The first line of `text` when it is a `#!` line, at most SHEBANG_CHARS long; else ''. */
export function shebangOf(text: string): string {
  if (!text.startsWith('#!')) return '';
  const lf = text.indexOf('\n');
  return text.slice(0, Math.min(lf < 0 ? text.length : lf, SHEBANG_CHARS));
}
const SHEBANG_CHARS = 120;


/**
 * Chunks of whole lines covering the text, cut after lines whose content hashes to a cut. A text with no
 * CR is walked by its LFs alone: the file's line index (an array of every line start, built for this
 * alone at each keystroke: ~1 MB of allocation in a 1 MB file) is then never needed.
 */
export function chunkCores(model: TextModel, chunking: Chunking, byLineIndex = model.text.includes('\r')): Span[] {
  const { text } = model;
  if (byLineIndex) return chunkCoresByLineIndex(model, chunking);
  const cores: Span[] = [];
  let start = 0;
  let lineStart = 0;
  for (let lf = text.indexOf('\n'); lf >= 0; lf = text.indexOf('\n', lf + 1)) {
    const next = lf + 1;
    const size = next - start;
    if (size >= chunking.maxChunk || (size >= chunking.minChunk && cutsAfter(text, lineStart, next, chunking.cutOneIn))) {
      cores.push({ start, end: next });
      start = next;
    }
    lineStart = next;
  }
  cores.push({ start, end: text.length });
  return cores;
}

/** chunkCores for texts with CRs (CRLF or a lone CR ends a line too), by the line index. */
function chunkCoresByLineIndex(model: TextModel, chunking: Chunking): Span[] {
  const { text, lines } = model;
  const cores: Span[] = [];
  let start = 0;
  for (let line = 0; line + 1 < lines.lineCount; line++) {
    const next = lines.lineStart(line + 1);
    const size = next - start;
    if (size >= chunking.maxChunk || (size >= chunking.minChunk && cutsAfter(text, lines.lineStart(line), next, chunking.cutOneIn))) {
      cores.push({ start, end: next });
      start = next;
    }
  }
  cores.push({ start, end: text.length });
  return cores;
}

/** A hash of the line's length and its last characters: any function of the line's own text would do. */
function cutsAfter(text: string, lineStart: number, next: number, oneIn: number): boolean {
  let hash = next - lineStart;
  for (let i = Math.max(lineStart, next - 12); i < next; i++) hash = (Math.imul(hash, 31) + text.charCodeAt(i)) | 0;
  return (hash >>> 4) % oneIn === 0;
}

/** Each core's window (windowAround); `byLineIndex` false only for a text with no CR. */
export function windowSpans(model: TextModel, cores: readonly Span[], around: TextLookaround, byLineIndex = model.text.includes('\r')): Span[] {
  return cores.map((core) => {
    const window = byLineIndex ? windowAround(model, core, around) : windowAroundLfOnly(model.text, core, around);
    return around.continuedLines ? withContinuedLines(model.text, window) : window;
  });
}

/**
 * windowAround in a text whose lines end at LFs only (no CR anywhere): a line starts just after the LF
 * before it, found from the core outwards, so the file's line index is not needed.
 */
function windowAroundLfOnly(text: string, core: Span, around: TextLookaround): Span {
  const lineStartAt = (offset: number) => (offset <= 0 ? 0 : text.lastIndexOf('\n', offset - 1) + 1);
  const nextLineStart = (offset: number) => {
    const lf = text.indexOf('\n', offset);
    return lf < 0 ? text.length : lf + 1;
  };
  let start = core.start;
  for (let i = 0; i < around.linesBefore && start > 0; i++) start = lineStartAt(start - 1);
  if (around.charsBefore) start = Math.min(start, lineStartAt(Math.max(0, core.start - around.charsBefore)));
  let end = lineStartAt(Math.max(core.start, core.end - 1));
  for (let i = 0; i <= around.linesAfter && end < text.length; i++) end = nextLineStart(end);
  if (around.charsAfter) end = Math.max(end, nextLineStart(Math.min(text.length, core.end + around.charsAfter)));
  return { start, end };
}

/** The core with the whole lines the rule may read around it; it ends after a line break (or at the end). */
function windowAround(model: TextModel, core: Span, around: TextLookaround): Span {
  const { text, lines } = model;
  const firstLine = lines.lineOf(core.start);
  let startLine = Math.max(0, firstLine - around.linesBefore);
  if (around.charsBefore) startLine = Math.min(startLine, lines.lineOf(Math.max(0, core.start - around.charsBefore)));
  const lastLine = lines.lineOf(Math.max(core.start, core.end - 1));
  let endLine = Math.min(lines.lineCount - 1, lastLine + around.linesAfter);
  if (around.charsAfter) endLine = Math.max(endLine, lines.lineOf(Math.min(text.length, core.end + around.charsAfter)));
  return { start: lines.lineStart(startLine), end: endLine + 1 < lines.lineCount ? lines.lineStart(endLine + 1) : text.length };
}

/** A string that shares no storage with the text it was sliced from. */
export function ownCopy(slice: string): string {
  return JSON.parse(JSON.stringify(slice)) as string;
}

export function shiftReport(report: Report, by: number): Report {
  const shift = (span: Span): Span => ({ start: span.start + by, end: span.end + by });
  return {
    ...report,
    span: shift(report.span),
    fixes: report.fixes?.map((fix) => ({ ...fix, edits: fix.edits.map((e) => ({ ...e, span: shift(e.span) })) })),
    origins: report.origins && Object.fromEntries(Object.entries(report.origins).map(([name, span]) => [name, shift(span)])),
  };
}
