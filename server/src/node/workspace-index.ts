import { canHoldFacts, indexFile, needsWorkspace, WorkspaceIndex, type FileFacts, type Rule } from '../engine';
import { readSourceFile } from './source-file';

// Builds the workspace index (engine/workspace) from files on disk, for the CLI and the language
// server alike. Only files that can hold indexed facts are read: manifests and build files (YAML,
// JSON) and Dockerfiles; a file that cannot be read contributes nothing (its own analysis says why).

/** A file on disk that may hold facts, by its name (engine canHoldFacts). */
export function mayHoldFacts(file: string): boolean {
  return canHoldFacts({ uri: file });
}

/** The facts of one file on disk, or undefined when it is not a candidate or cannot be read. */
export function factsOfFile(file: string, uri: string, maxBytes: number, workloads = true): FileFacts | undefined {
  if (!mayHoldFacts(file)) return undefined;
  const read = readSourceFile(file, { maxBytes, limitName: 'the size limit' });
  if (read.kind === 'skipped') return undefined;
  try {
    return indexFile({ uri, text: read.text }, undefined, { workloads });
  } catch {
    return undefined;
  }
}

/**
 * The index of these files (named by their paths, as the CLI analyses them), or undefined when no
 * enabled rule reads it (then nothing is read). `readWorkloads` says which files' workload containers
 * to read here: the CLI takes those of the files it analyses from their own analysis parse instead.
 */
export function indexFilesOnDisk(files: readonly string[], rules: readonly Rule[], maxBytes: number, readWorkloads: (file: string) => boolean = () => true): WorkspaceIndex | undefined {
  if (!needsWorkspace(rules)) return undefined;
  const facts: FileFacts[] = [];
  for (const file of files) {
    const one = factsOfFile(file, file, maxBytes, readWorkloads(file));
    if (one) facts.push(one);
  }
  return new WorkspaceIndex(facts);
}
