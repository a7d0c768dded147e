import { pathToFileURL } from 'node:url';
import { canHoldFacts, indexFile, needsWorkspace, sameExceptLocations, WorkspaceIndex, type FileFacts, type ParseCache } from '../engine';
import { walkWorkspace } from '../node/workspace-files';
import { dockerignoreFactsFor, factsOfFile, mayHoldFacts } from '../node/workspace-index';
import { fsPathOf, type WorkspaceFolders } from './workspace-folders';
import type { RuleSetService } from './rule-set-service';

export interface WorkspaceIndexDeps {
  readonly folders: WorkspaceFolders;
  readonly rules: RuleSetService;
  readonly log: (message: string) => void;
  /** Facts changed: other files' cross-file findings may be different now. */
  readonly onChanged: () => void;
}

/** The files whose changes on disk may change the index (mayHoldFacts, as LSP glob patterns). */
export const WORKSPACE_FACT_GLOBS: readonly string[] = ['**/*.{yaml,yml,json}', '**/{Dockerfile,Containerfile}*', '**/*.{dockerfile,containerfile}', '**/{.dockerignore,*.dockerignore}'];

/** Above this many candidate files the index is not built: a partial index would make cross-file rules guess. */
const MAX_INDEXED_FILES = 20_000;
const MAX_FILE_BYTES = 5 * 1024 * 1024;
/** Files read between two turns of the event loop while indexing, so requests are answered meanwhile. */
const FILES_PER_TURN = 25;

/**
 * The editor's workspace index: built once from the workspace folders (off the critical path, in
 * small turns), then kept current from open documents' text and watched-file events. Until it is
 * built, or when no enabled rule reads it, `current` is undefined and cross-file rules stay silent.
 */
export class WorkspaceIndexService {
  private index = new WorkspaceIndex([]);
  private ready = false;
  private generationCount = 0;
  private building?: Promise<void>;

  constructor(private readonly deps: WorkspaceIndexDeps) {}

  get current(): WorkspaceIndex | undefined {
    return this.ready && needsWorkspace(this.deps.rules.ruleSet.rules) ? this.index : undefined;
  }

  /** Bumped whenever facts change, so analyses computed against an older workspace can be recognised. */
  get generation(): number {
    return this.generationCount;
  }

  /** (Re)builds from the folders on disk; open documents' facts are re-applied by their next analysis. */
  build(): Promise<void> {
    this.building ??= this.walk()
      .catch((err: unknown) => this.deps.log(`Workspace index not built: ${err instanceof Error ? err.message : String(err)}`))
      .finally(() => {
        this.building = undefined;
      });
    return this.building;
  }

  /** An open document's text: its facts replace those read from disk. Called before every analysis. */
  updateText(uri: string, text: string, languageId: string | undefined, cache?: ParseCache): void {
    if (!this.ready) return;
    // The hot path: a file of no kind that holds facts, and none so far, is not read. One in the index
    // is (its language id may have changed, and its facts must then go).
    if (!this.index.files.has(uri) && !canHoldFacts({ uri, languageId })) return;
    let facts: FileFacts;
    try {
      facts = indexFile({ uri, text, languageId }, cache);
    } catch (err) {
      this.deps.log(`Could not index ${uri}: ${err instanceof Error ? err.message : String(err)}`);
      return;
    }
    const before = this.index.files.get(uri);
    // A Dockerfile opened from outside the indexed folders, or a build context a compose edit names:
    // what the build ignores is on disk.
    const ignoreFiles = facts.isDockerfile || facts.buildContexts ? dockerignoreFactsFor([facts], fsPathOf, MAX_FILE_BYTES, (name) => this.index.files.has(name)) : [];
    const next = ignoreFiles.reduce((index, f) => index.with(f), this.index.with(facts));
    // Typing moves the facts below the cursor (every workload has an image): keep their new places for the
    // next analyses, but re-deliver other files' diagnostics only when what they say may have changed.
    if (next !== this.index && before && sameExceptLocations(before, facts)) {
      this.index = next;
      return;
    }
    this.replace(next);
  }

  /** A file changed, appeared or disappeared on disk (watched files, a document closed unsaved). */
  updateFromDisk(uri: string): void {
    if (!this.ready) return;
    const file = fsPathOf(uri);
    const facts = file ? factsOfFile(file, uri, MAX_FILE_BYTES) : undefined;
    this.replace(facts ? this.index.with(facts) : this.index.without(uri));
  }

  private replace(next: WorkspaceIndex): void {
    if (next === this.index) return;
    this.index = next;
    this.generationCount++;
    this.deps.onChanged();
  }

  private async walk(): Promise<void> {
    const facts: FileFacts[] = [];
    let read = 0;
    for (const folder of this.deps.folders.all()) {
      for (const entry of walkWorkspace(folder.fsPath)) {
        if (entry.kind !== 'file' || !mayHoldFacts(entry.path)) continue;
        if (++read > MAX_INDEXED_FILES) {
          this.deps.log(`Workspace index not built: more than ${MAX_INDEXED_FILES} manifests and Dockerfiles; cross-file rules are off (exclude generated folders with .bulwarkignore).`);
          this.ready = false;
          return;
        }
        const one = factsOfFile(entry.path, pathToFileURL(entry.path).href, MAX_FILE_BYTES);
        if (one) facts.push(one);
        if (read % FILES_PER_TURN === 0) await new Promise((resolve) => setImmediate(resolve));
      }
    }
    facts.push(...dockerignoreFactsFor(facts, fsPathOf, MAX_FILE_BYTES));
    const before = this.index;
    this.index = new WorkspaceIndex(facts);
    this.ready = true;
    // An empty workspace (no folder, or no manifest) changes no finding: nothing to re-deliver.
    if (facts.length === 0 && before.files.size === 0) return;
    this.generationCount++;
    this.deps.onChanged();
  }
}
