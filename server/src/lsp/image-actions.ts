import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, Fix, Span } from '../engine';
import { imageOccurrences, type ImageOccurrence } from '../engine/images/occurrences';
import { digestQuery, pinFix } from '../engine/images/pin';
import type { DigestLookup } from '../node/image-digests';
import type { AnalysisService } from './analysis-service';
import { spansOverlap } from './convert';
import type { ImageService } from './image-service';

// The code actions that need a registry: "Replace with the approved image" pinned to the digest the
// registry serves for the replacement now, and "Pin to digest" for any unpinned image in the range. No
// registry answer, no digest: the replacement then says why it is not pinned, and the pin action is shown
// disabled with the reason (or left out for clients that cannot show that).
// A client that resolves code actions gets them at once: what the cache does not know yet is offered with
// `data` instead of an edit (the lookup starts now and fills the cache) and resolved when picked
// (image-action-resolve.ts). Other clients wait for the lookups (each bounded by EDITOR_LOOKUP_TIMEOUT_MS).

export interface ImageActionDeps {
  readonly images: ImageService;
  readonly analysis: AnalysisService;
  /** The client shows `CodeAction.disabled` reasons. */
  readonly disabledSupport: boolean;
  /** The client resolves an action's edit later (codeAction/resolve): never wait for a registry. */
  readonly lazy: boolean;
}

/** Data of an image action whose registry had not answered yet: its edit is computed on codeAction/resolve. */
export interface ImageActionData {
  readonly bulwarkImage: {
    readonly uri: string;
    /** The image as written and where, when offered. */
    readonly ref: string;
    readonly span: Span;
    /** A replacement: the finding's id and the index of its fix (else a pin of the image). */
    readonly findingId?: string;
    readonly fixIndex?: number;
  };
}

export interface RegistryFix {
  readonly fix: Fix;
  /** Set when the edit waits for the registry: offer the action with this data and no edit. */
  readonly lazy?: ImageActionData;
}

export interface RegistryFixes {
  /** The finding's fixes with replacements pinned (or titled with why not, or left to resolve). */
  fixesOf(finding: Finding): readonly RegistryFix[];
  readonly pinActions: readonly CodeAction[];
}

export async function registryFixes(
  deps: ImageActionDeps,
  doc: TextDocument,
  range: Span,
  targets: readonly { readonly finding: Finding; readonly diagnostic?: Diagnostic }[],
  edit: (fix: Fix) => CodeAction['edit'],
): Promise<RegistryFixes | undefined> {
  const version = doc.version;
  const text = doc.getText();
  const images = occurrencesOf(doc, text, deps.analysis);
  if (images.length === 0) return undefined;
  const replacements = targets.flatMap(({ finding }) => finding.fixes.flatMap((fix) => replacementOf(fix, images) ?? []));
  const near = (span: Span) => spansOverlap(span, range) || targets.some((t) => spansOverlap(span, t.finding.span));
  const pinnable = images.filter((image) => image.replaceable && near(image.span) && digestQuery(image.text) !== undefined);
  const wanted = [...new Set([...replacements, ...pinnable.map((image) => image.text)])];
  if (wanted.length === 0) return undefined;
  // Lazily: only what the cache holds (a lookup it lacks starts now, for the resolve and the next request).
  const ask = (ref: string) => (deps.lazy ? deps.images.lookupWithin(ref, 0) : deps.images.lookup(ref));
  const answers = new Map<string, DigestLookup>();
  for (const [ref, answer] of await Promise.all(wanted.map(async (ref) => [ref, await ask(ref)] as const))) if (answer) answers.set(ref, answer);
  if (doc.version !== version) return undefined;
  const digests = digestsOf(answers);
  const pinned = replacements.some((ref) => answers.get(ref)?.ok) ? await reanalysed(deps.analysis, doc, text, digests) : undefined;
  if (doc.version !== version) return undefined;
  const pending = (ref: string | undefined): boolean => ref !== undefined && !answers.has(ref);
  return {
    fixesOf: (finding) => {
      const fixes = pinned?.get(finding.id)?.fixes ?? finding.fixes;
      return fixes.map((fix, fixIndex) => {
        const ref = replacementOf(fix, images);
        if (!pending(ref)) return { fix: withReason(fix, images, answers) };
        return { fix, lazy: { bulwarkImage: { uri: doc.uri, ref: ref as string, span: fix.edits[0].span, findingId: finding.id, fixIndex } } };
      });
    },
    pinActions: pinnable.flatMap((image) => {
      if (pending(image.text)) return lazyPinAction(doc.uri, image, targets);
      return pinAction(image, answers.get(image.text), digests, targets, edit, deps.disabledSupport) ?? [];
    }),
  };
}

/** The digests among `answers`, by DigestQuery.key (AnalyzeOptions.imageDigests). */
export function digestsOf(answers: ReadonlyMap<string, DigestLookup>): Map<string, string> {
  const digests = new Map<string, string>();
  for (const [ref, answer] of answers) {
    const query = digestQuery(ref);
    if (query && answer.ok) digests.set(query.key, answer.digest);
  }
  return digests;
}

export function occurrencesOf(doc: TextDocument, text: string, analysis: AnalysisService): ImageOccurrence[] {
  try {
    // The document's parse cache: only sections edited since the last analysis are parsed again.
    return imageOccurrences({ uri: doc.uri, text, languageId: doc.languageId }, analysis.parseCacheOf(doc.uri));
  } catch {
    return []; // a file the parsers cannot read offers no image action; its diagnostics say why
  }
}

/** The unpinned reference a fix writes over exactly one image, i.e. a replacement to look up. */
function replacementOf(fix: Fix, images: readonly ImageOccurrence[]): string | undefined {
  if (fix.kind !== 'suggestion' || fix.edits.length !== 1) return undefined;
  const [edit] = fix.edits;
  const onImage = images.some((image) => image.span.start === edit.span.start && image.span.end === edit.span.end);
  return onImage && digestQuery(edit.newText) !== undefined ? edit.newText : undefined;
}

export async function reanalysed(analysis: AnalysisService, doc: TextDocument, text: string, digests: ReadonlyMap<string, string>): Promise<Map<string, Finding>> {
  const settings = await analysis.settingsFor(doc.uri);
  const result = analysis.analyzeText(doc.uri, text, doc.languageId, settings, analysis.parseCacheOf(doc.uri), digests);
  return new Map(result.findings.map((f) => [f.id, f]));
}

/** A replacement still unpinned because its registry did not answer says so in its title. */
function withReason(fix: Fix, images: readonly ImageOccurrence[], answers: ReadonlyMap<string, DigestLookup>): Fix {
  const ref = replacementOf(fix, images);
  const answer = ref === undefined ? undefined : answers.get(ref);
  return answer && !answer.ok ? { ...fix, title: `${fix.title} (not pinned to a digest: ${answer.reason})` } : fix;
}

function lazyPinAction(uri: string, image: ImageOccurrence, targets: readonly { readonly finding: Finding; readonly diagnostic?: Diagnostic }[]): CodeAction {
  const diagnostics = diagnosticsOn(image, targets);
  const data: ImageActionData = { bulwarkImage: { uri, ref: image.text, span: image.span } };
  return { title: `Pin ${image.text} to a digest`, kind: CodeActionKind.QuickFix, ...(diagnostics.length > 0 ? { diagnostics } : {}), data };
}

function diagnosticsOn(image: ImageOccurrence, targets: readonly { readonly finding: Finding; readonly diagnostic?: Diagnostic }[]): Diagnostic[] {
  return targets.filter((t) => t.diagnostic && spansOverlap(t.finding.span, image.span)).map((t) => t.diagnostic as Diagnostic);
}

function pinAction(
  image: ImageOccurrence,
  answer: DigestLookup | undefined,
  digests: ReadonlyMap<string, string>,
  targets: readonly { readonly finding: Finding; readonly diagnostic?: Diagnostic }[],
  edit: (fix: Fix) => CodeAction['edit'],
  disabledSupport: boolean,
): CodeAction | undefined {
  const diagnostics = diagnosticsOn(image, targets);
  const fix = answer?.ok ? pinFix(image, digests) : undefined;
  if (fix) return { title: fix.title, kind: CodeActionKind.QuickFix, ...(diagnostics.length > 0 ? { diagnostics } : {}), edit: edit(fix) };
  if (!disabledSupport || !answer || answer.ok) return undefined;
  return { title: `Pin ${image.text} to a digest`, kind: CodeActionKind.QuickFix, disabled: { reason: answer.reason } };
}
