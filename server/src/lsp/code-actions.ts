import {
  CodeActionKind,
  TextDocumentEdit,
  type CodeAction,
  type CodeActionParams,
  type Diagnostic,
  type TextDocuments,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, TextEdit as EngineTextEdit } from '../engine';
import type { AnalysisService } from './analysis-service';
import { spanOf, spansOverlap, toTextEdit } from './convert';
import { FIX_ALL_KIND } from '../protocol/custom-protocol';
import { DIAGNOSTIC_SOURCE, isDiagnosticData } from './diagnostics';
import { autofixableCount, fixAll, minimalReplacement } from './fix-all';
import { isImageActionData, resolveImageAction } from './image-action-resolve';
import { registryFixes, type ImageActionDeps, type RegistryFix } from './image-actions';
import { suppressAction } from './suppress-action';
import { companionFileActions } from './companion-file-action';
import { isDotenvFile } from '../engine/dotenv-files';
import { gitignoreAction, type GitignoreActionDeps } from './gitignore-action';

export interface CodeActionDeps {
  readonly documents: TextDocuments<TextDocument>;
  readonly analysis: AnalysisService;
  readonly snippetEdits: boolean;
  /** The client can resolve a code action's edit later (codeAction/resolve with `edit`). */
  readonly resolveEdits: boolean;
  readonly now: () => Date;
  /** Registry-backed image actions (pin to digest, pinned replacement); absent in tests without them. */
  readonly images?: Omit<ImageActionDeps, 'analysis' | 'lazy'>;
  /** Tells the user why a resolved action does nothing (window/showMessage). */
  readonly warn?: (message: string) => void;
  /** "Add … to .gitignore" for secrets in a `.env` file git tracks; absent where git is not asked. */
  readonly gitignore?: Omit<GitignoreActionDeps, 'documents' | 'createFiles'>;
  /** Workspace edits may create files (the .gitignore, a Secret manifest scaffold). */
  readonly createFiles: boolean;
}

/** Data of a fix-all action whose edit is computed on codeAction/resolve. */
interface FixAllData {
  readonly bulwarkFixAll: { readonly uri: string; readonly version: number };
}

const FIX_ALL_TITLE = 'Fix all safe problems in this file';

export async function provideCodeActions(deps: CodeActionDeps, params: CodeActionParams): Promise<CodeAction[]> {
  const doc = deps.documents.get(params.textDocument.uri);
  if (!doc) return [];
  // Fixes are looked up by finding id in an analysis of exactly this version (re-run when stale).
  const analysis = await deps.analysis.analyzeDocument(doc);
  if (analysis.version !== doc.version) return [];
  const wanted = kindFilter(params.context.only);
  const targets = targetFindings(analysis.result.findings, params, doc);
  const actions: CodeAction[] = [];
  if (wanted(CodeActionKind.QuickFix)) {
    const imageDeps = deps.images && { ...deps.images, analysis: deps.analysis, lazy: deps.resolveEdits };
    const registry = imageDeps ? await registryFixes(imageDeps, doc, spanOf(doc, params.range), targets, (fix) => versionedEdit(doc, fix.edits)) : undefined;
    if (doc.version !== analysis.version) return [];
    for (const { finding, diagnostic } of targets) {
      const autofixes = finding.fixes.filter((f) => f.kind === 'autofix').length;
      for (const { fix, lazy } of registry?.fixesOf(finding) ?? finding.fixes.map((fix): RegistryFix => ({ fix }))) {
        // A fix that only creates or extends another file is offered as that file's action (below).
        if (!lazy && fix.edits.length === 0 && fix.companionFile) continue;
        actions.push({
          title: fix.title,
          kind: CodeActionKind.QuickFix,
          ...(diagnostic ? { diagnostics: [diagnostic] } : {}),
          ...(fix.kind === 'autofix' && autofixes === 1 ? { isPreferred: true } : {}),
          ...(lazy ? { data: lazy } : { edit: versionedEdit(doc, fix.edits) }),
        });
      }
      const suppress = suppressAction(doc, finding, diagnostic, deps.now(), deps.snippetEdits);
      if (suppress) actions.push(suppress);
    }
    actions.push(...(registry?.pinActions ?? []));
    actions.push(...companionFileActions(deps.documents, doc, targets, deps.createFiles));
    const gitignore = await trackedDotenvAction(deps, doc, targets);
    if (doc.version !== analysis.version) return [];
    if (gitignore) actions.push(gitignore);
  }
  const fixable = autofixableCount(analysis.result);
  if (fixable >= 1 && wanted(FIX_ALL_KIND) && params.context.only !== undefined) actions.push(await fixAllAction(deps, doc, FIX_ALL_KIND));
  if (fixable >= 2 && targets.length > 0 && wanted(CodeActionKind.QuickFix)) actions.push(await fixAllAction(deps, doc, CodeActionKind.QuickFix));
  return actions;
}

export async function resolveCodeAction(deps: CodeActionDeps, action: CodeAction): Promise<CodeAction> {
  if (isImageActionData(action.data)) {
    if (!deps.images) return action;
    const imageDeps = { images: deps.images.images, analysis: deps.analysis, warn: deps.warn ?? (() => undefined) };
    return resolveImageAction(imageDeps, (uri) => deps.documents.get(uri), action, action.data, (doc, fix) => versionedEdit(doc, fix.edits));
  }
  const data = action.data as Partial<FixAllData> | undefined;
  const target = data?.bulwarkFixAll;
  if (!target || typeof target.uri !== 'string') return action;
  // Typed in since it was offered: the user still asked to fix this file, so fix what is there now
  // (the edit names the current version; a client that moved on again rejects it).
  const doc = deps.documents.get(target.uri);
  if (!doc) return action;
  const edit = await fixAllEdit(deps, doc);
  return edit ? { ...action, edit } : action;
}

async function fixAllAction(deps: CodeActionDeps, doc: TextDocument, kind: string): Promise<CodeAction> {
  const action: CodeAction = { title: FIX_ALL_TITLE, kind };
  if (deps.resolveEdits) {
    // Computing it may take several analyses of the file: only when the user picks it.
    const data: FixAllData = { bulwarkFixAll: { uri: doc.uri, version: doc.version } };
    return { ...action, data };
  }
  const edit = await fixAllEdit(deps, doc);
  return edit ? { ...action, edit } : action;
}

async function fixAllEdit(deps: CodeActionDeps, doc: TextDocument): Promise<WorkspaceEdit | undefined> {
  const version = doc.version;
  const settings = await deps.analysis.settingsFor(doc.uri);
  if (doc.version !== version) return undefined;
  const cache = deps.analysis.parseCacheOf(doc.uri);
  const before = doc.getText();
  const fixed = fixAll(before, (text) => deps.analysis.analyzeText(doc.uri, text, doc.languageId, settings, cache));
  if (!fixed) return undefined;
  return versionedEdit(doc, [minimalReplacement(before, fixed.text)]);
}

/** Only for secret findings (rules tagged `secret`), and only when git tracks the file (asked last: it spawns git). */
function trackedDotenvAction(deps: CodeActionDeps, doc: TextDocument, targets: readonly { finding: Finding; diagnostic?: Diagnostic }[]): Promise<CodeAction | undefined> {
  const secrets = targets.filter((t) => deps.analysis.rules.meta(t.finding.ruleId)?.tags.includes('secret'));
  if (!deps.gitignore || secrets.length === 0 || !isDotenvFile(doc.uri)) return Promise.resolve(undefined);
  const diagnostics = secrets.flatMap((t) => (t.diagnostic ? [t.diagnostic] : []));
  return gitignoreAction({ ...deps.gitignore, documents: deps.documents, createFiles: deps.createFiles }, doc, diagnostics);
}

function versionedEdit(doc: TextDocument, edits: readonly EngineTextEdit[]): WorkspaceEdit {
  return { documentChanges: [TextDocumentEdit.create({ uri: doc.uri, version: doc.version }, edits.map((e) => toTextEdit(doc, e)))] };
}

/**
 * The findings the request is about: those behind the Bulwark diagnostics the client sent, found by
 * id; when it sent none of ours (some clients send none), those overlapping the requested range.
 */
function targetFindings(findings: readonly Finding[], params: CodeActionParams, doc: TextDocument): { finding: Finding; diagnostic?: Diagnostic }[] {
  const byId = new Map(findings.map((f) => [f.id, f]));
  const ours = params.context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE && isDiagnosticData(d.data));
  if (ours.length > 0) {
    const out: { finding: Finding; diagnostic?: Diagnostic }[] = [];
    const seen = new Set<string>();
    for (const diagnostic of ours) {
      const id = isDiagnosticData(diagnostic.data) ? diagnostic.data.findingId : '';
      const finding = byId.get(id);
      if (finding && !seen.has(id)) {
        seen.add(id);
        out.push({ finding, diagnostic });
      }
    }
    return out;
  }
  const range = spanOf(doc, params.range);
  return findings.filter((f) => spansOverlap(f.span, range)).map((finding) => ({ finding }));
}

/** `context.only` is hierarchical (`source` covers `source.fixAll.bulwark`); source actions only when asked. */
function kindFilter(only: readonly string[] | undefined): (kind: string) => boolean {
  if (!only) return (kind) => kind !== CodeActionKind.Source && !kind.startsWith(`${CodeActionKind.Source}.`);
  return (kind) => only.some((o) => kind === o || kind.startsWith(`${o}.`));
}
