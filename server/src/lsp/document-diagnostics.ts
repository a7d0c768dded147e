import { DocumentDiagnosticReportKind, type Diagnostic, type DocumentDiagnosticReport, type Range } from 'vscode-languageserver/node';
import type { AnalysisResult, Finding, RuleSet } from '../engine';
import { rangeOf, type PositionMapper } from './convert';
import type { PreparedDiagnosticsEncoder } from './diagnostic-json';
import { diagnosticKey, diagnosticOf, noticeDiagnostics, rangeJson, resultIdOf, ruleHrefs } from './diagnostics';
import type { RuleSetService } from './rule-set-service';

/** What one delivery of an open document's diagnostics is made from. */
export interface DeliveredAnalysis {
  readonly result: AnalysisResult;
  readonly version: number;
}

type Document = PositionMapper & { getText(): string };

/** A diagnostic as delivered: the object, its UTF-8 JSON and its share of the result id (diagnosticKey). */
interface Delivered {
  readonly diagnostic: Diagnostic;
  readonly bytes: Buffer;
  /** Where the JSON after `{"range":…` starts in `bytes` (0: nowhere): a finding that only moved reuses the rest. */
  readonly afterRange: number;
  /** The hash of the JSON after the range, kept when the diagnostic moves. */
  readonly tailDigest: string;
  readonly key: string;
}

/**
 * A finding's delivered diagnostic and what it was made from, to know whether it still holds. A class
 * updated in place while the diagnostic holds: a copy per finding and keystroke was most of a delivery.
 */
class Converted implements Delivered {
  constructor(
    /** The finding it was last delivered for (the same diagnostic: an equal finding). */
    public finding: Finding,
    readonly diagnostic: Diagnostic,
    readonly bytes: Buffer,
    readonly afterRange: number,
    readonly tailDigest: string,
    readonly key: string,
    /** The delivery that last used it. */
    public used: number,
  ) {}
}

const OPEN = Buffer.from('[');
const COMMA = Buffer.from(',');
const CLOSE = Buffer.from(']');

/**
 * One open document's diagnostics from analysis to bytes, kept from one delivery to the next. Each
 * keystroke of a long file changes a few findings among thousands: a finding whose id, rule, severity,
 * message, related locations and range are those of the last delivery keeps its diagnostic, its JSON and
 * its share of the result id; one that only moved (a line added above) keeps the JSON after its range. So the cost of a
 * delivery is a lookup and a range per finding plus the new ones, not the conversion, serialisation and
 * hashing of all of them (~1.4 MB of JSON with the ~3,100 findings of a 5,000-line Dockerfile).
 */
export class DocumentDiagnostics {
  /** Findings' diagnostics by finding id, as this delivery or the last one used them (older ones are dropped). */
  private readonly byId = new Map<string, Converted>();
  private deliveries = 0;
  /** The rule set the kept diagnostics' documentation links came from. */
  private ruleSet: RuleSet | undefined;
  private last: { readonly delivered: readonly Delivered[]; readonly resultId: string } | undefined;

  constructor(
    private readonly rules: RuleSetService,
    private readonly encoder: PreparedDiagnosticsEncoder | undefined,
  ) {}

  /** A pull's answer: Unchanged when the client holds these very diagnostics (LSP 3.17 previousResultId). */
  pull(analysis: DeliveredAnalysis, doc: Document, previousResultId: string | undefined): DocumentDiagnosticReport {
    const { delivered, resultId } = this.deliver(analysis, doc);
    if (previousResultId === resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId };
    return { kind: DocumentDiagnosticReportKind.Full, resultId, items: this.prepared(delivered) };
  }

  /** A push's diagnostics. */
  push(analysis: DeliveredAnalysis, doc: Document): Diagnostic[] {
    return this.prepared(this.deliver(analysis, doc).delivered);
  }

  private deliver(analysis: DeliveredAnalysis, doc: Document): { readonly delivered: readonly Delivered[]; readonly resultId: string } {
    if (this.ruleSet !== this.rules.ruleSet) {
      // Another rule set (a policy bundle): documentation links may differ.
      this.ruleSet = this.rules.ruleSet;
      this.byId.clear();
      this.last = undefined;
    }
    const delivery = ++this.deliveries;
    const hrefOf = ruleHrefs(this.rules);
    const delivered: Delivered[] = analysis.result.findings.map((f) => this.converted(f, rangeOf(doc, f.span), hrefOf, delivery));
    // What neither this delivery nor the last used goes, once that is as much as what is kept.
    if (this.byId.size > 2 * delivered.length) for (const [id, c] of this.byId) if (c.used < delivery - 1) this.byId.delete(id);
    for (const d of noticeDiagnostics(analysis.result.notices, doc)) delivered.push(made(d));
    const last = this.last;
    // The same diagnostics as last time (most keystrokes of a long file): the same id, without hashing.
    const resultId = last && sameItems(last.delivered, delivered) ? last.resultId : resultIdOf(delivered.map((d) => d.key));
    this.last = { delivered, resultId };
    return this.last;
  }

  private converted(finding: Finding, range: Range, hrefOf: (ruleId: string) => string | undefined, delivery: number): Converted {
    const known = this.byId.get(finding.id);
    if (known && sameShown(known.finding, finding) && sameRange(known.diagnostic.range, range)) {
      known.finding = finding;
      known.used = delivery;
      return known;
    }
    const d = known && sameShown(known.finding, finding) ? moved(known, range) : made(diagnosticOf(finding, range, hrefOf(finding.ruleId)));
    const converted = new Converted(finding, d.diagnostic, d.bytes, d.afterRange, d.tailDigest, d.key, delivery);
    // Two findings with one id (never from one analysis) keep the second: each is still delivered right.
    this.byId.set(finding.id, converted);
    return converted;
  }

  /** The delivered diagnostics, with the encoder handed their bytes. */
  private prepared(delivered: readonly Delivered[]): Diagnostic[] {
    const diagnostics = delivered.map((d) => d.diagnostic);
    if (!this.encoder) return diagnostics;
    const pieces: Buffer[] = [OPEN];
    delivered.forEach((d, i) => {
      if (i > 0) pieces.push(COMMA);
      pieces.push(d.bytes);
    });
    pieces.push(CLOSE);
    this.encoder.prepare(diagnostics, pieces);
    return diagnostics;
  }
}

/** The fields of a finding its diagnostic shows besides the range (the documentation link is the rule's). */
function sameShown(a: Finding, b: Finding): boolean {
  if (a === b) return true;
  if (a.id !== b.id || a.ruleId !== b.ruleId || a.severity !== b.severity || a.message !== b.message) return false;
  // Related locations point into other files and move on their own (rare: cross-file rules only).
  return a.related === b.related || JSON.stringify(a.related) === JSON.stringify(b.related);
}

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

function sameItems(a: readonly Delivered[], b: readonly Delivered[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i] && a[i].key !== b[i].key) return false;
  return true;
}

function made(diagnostic: Diagnostic): Delivered {
  const json = JSON.stringify(diagnostic);
  const { head, tailDigest, key } = diagnosticKey(json, diagnostic.range);
  // The range is the first field of every diagnostic made here (diagnosticOf, noticeDiagnostics).
  return { diagnostic, bytes: Buffer.from(json, 'utf8'), afterRange: Buffer.byteLength(head, 'utf8'), tailDigest, key };
}

/** `known` at another range: the bytes after the range, and their hash, are the same. */
function moved(known: Delivered, range: Range): Delivered {
  const diagnostic = { ...known.diagnostic, range };
  if (known.afterRange === 0) return made(diagnostic);
  const head = rangeJson(range);
  const bytes = Buffer.concat([Buffer.from(head, 'utf8'), known.bytes.subarray(known.afterRange)]);
  return { diagnostic, bytes, afterRange: bytes.length - (known.bytes.length - known.afterRange), tailDigest: known.tailDigest, key: `${head}\u0000${known.tailDigest}` };
}
