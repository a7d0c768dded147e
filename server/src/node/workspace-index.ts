import { absentDockerignore, canHoldFacts, dockerignoreCandidates, DocumentParseCache, indexFile, isDockerignoreName, needsWorkspace, WorkspaceIndex, type FileFacts, type ParseCache, type Rule } from '../engine';
import { readRegularFile } from './regular-file';
import { decodeSource, readSourceFile, type ReadOutcome } from './source-file';

// Builds the workspace index (engine/workspace) from files on disk, for the CLI and the language
// server alike. Only files that can hold indexed facts are read: manifests and build files (YAML,
// JSON) and Dockerfiles; a file that cannot be read contributes nothing (its own analysis says why).

/** A file on disk that may hold facts, by its name (engine canHoldFacts). */
export function mayHoldFacts(file: string): boolean {
  return canHoldFacts({ uri: file });
}

/**
 * The facts of one file on disk, or undefined when it is not a candidate or cannot be read. A Docker
 * ignore file that does not exist is known to be absent (a finding may rest on that); one that exists
 * but cannot be read stays unknown.
 */
export function factsOfFile(file: string, uri: string, maxBytes: number, workloads = true, onRead?: IndexedReadHook): FileFacts | undefined {
  if (!mayHoldFacts(file)) return undefined;
  if (isDockerignoreName(file)) return dockerignoreOnDisk(file, uri, maxBytes);
  const read = readSourceFile(file, { maxBytes, limitName: 'the size limit' });
  if (read.kind === 'skipped') return undefined;
  // Kept for the file's analysis, then dropped with its text.
  const cache = onRead ? new DocumentParseCache(undefined, true) : undefined;
  try {
    return indexFile({ uri, text: read.text }, cache, { workloads });
  } catch {
    return undefined;
  } finally {
    if (cache) onRead?.(file, read, cache);
  }
}

/** A file's text as the index read it, and the parse cache its facts filled. */
export type IndexedRead = { readonly read: Extract<ReadOutcome, { kind: 'text' }>; readonly cache: ParseCache };

/**
 * Called with each file the index read as text: a caller that analyses the file next (the CLI) may keep
 * both, so the file is neither read nor parsed a second time (a Dockerfile's parse is most of its cost).
 */
export type IndexedReadHook = (file: string, read: IndexedRead['read'], cache: ParseCache) => void;

function dockerignoreOnDisk(file: string, uri: string, maxBytes: number): FileFacts | undefined {
  const raw = readRegularFile(file, { maxBytes, followSymlinks: true });
  if (raw.kind === 'absent') return absentDockerignore(uri);
  if (raw.kind !== 'bytes') return undefined;
  const decoded = decodeSource(raw.bytes);
  return decoded.kind === 'skipped' ? undefined : indexFile({ uri, text: decoded.text });
}

/**
 * The ignore files a build of each Dockerfile among `facts` may read (dockerignoreCandidates, and the
 * contexts compose files name), looked up on disk whether or not they were listed: present, or known to
 * be absent. `pathOf` maps a name of the index back to a local path (undefined: not on disk, stays
 * unknown); `isKnown` skips names the caller's index already has.
 */
export function dockerignoreFactsFor(facts: readonly FileFacts[], pathOf: (uri: string) => string | undefined, maxBytes: number, isKnown: (uri: string) => boolean = () => false): FileFacts[] {
  const known = new Set(facts.map((f) => f.uri));
  const out: FileFacts[] = [];
  const wanted = facts.flatMap((f) => [...(f.isDockerfile ? dockerignoreCandidates(f.uri) : []), ...(f.buildContexts ?? []).map((b) => b.dockerignore)]);
  for (const candidate of wanted) {
    if (known.has(candidate) || isKnown(candidate)) continue;
    known.add(candidate);
    const file = pathOf(candidate);
    const one = file === undefined ? undefined : dockerignoreOnDisk(file, candidate, maxBytes);
    if (one) out.push(one);
  }
  return out;
}

/**
 * The index of these files (named by their paths, as the CLI analyses them), or undefined when no
 * enabled rule reads it (then nothing is read). `readWorkloads` says which files' workload containers
 * to read here: the CLI takes those of the files it analyses from their own analysis parse instead.
 */
export function indexFilesOnDisk(
  files: readonly string[],
  rules: readonly Rule[],
  maxBytes: number,
  readWorkloads: (file: string) => boolean = () => true,
  onRead?: (file: string) => IndexedReadHook | undefined,
): WorkspaceIndex | undefined {
  if (!needsWorkspace(rules)) return undefined;
  const facts: FileFacts[] = [];
  for (const file of files) {
    const one = factsOfFile(file, file, maxBytes, readWorkloads(file), onRead?.(file));
    if (one) facts.push(one);
  }
  return workspaceIndexOf(facts, maxBytes);
}

/** The index of these files' facts (named by their paths), with the ignore files their builds may read. */
export function workspaceIndexOf(facts: readonly FileFacts[], maxBytes: number): WorkspaceIndex {
  return new WorkspaceIndex([...facts, ...dockerignoreFactsFor(facts, (file) => file, maxBytes)]);
}
