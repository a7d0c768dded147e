import type { ParseCache, Span } from '../types';
import type { ShellCommand, ShellWord } from './dockerfile-shell-syntax';

// Reading a RUN's shell script costs more than all Dockerfile rules together, and a keystroke changes
// one instruction at most. A RUN's scripts depend only on its own text (heredoc bodies included) and
// the escape character, so they are cached under that text and moved to where the instruction now is.

export interface CachedScript {
  readonly form: 'shell' | 'exec' | 'heredoc';
  readonly commands: readonly ShellCommand[];
  readonly span: Span;
  readonly tooComplex?: string;
}

interface CacheEntry {
  /** Where the instruction started when its scripts were read. */
  readonly base: number;
  readonly scripts: readonly CachedScript[];
  /**
   * The scripts as last moved (every word copied): typing above a RUN moves it by one character and
   * deleting moves it back, so the last move is most often the next one too.
   */
  moved?: { readonly base: number; readonly scripts: readonly CachedScript[] };
}

/**
 * A script as first read and where its instruction started then: the same object for as long as the
 * instruction's text and the escape character stay the same (keystrokes elsewhere in the file), so
 * what derives from the script alone can be kept under it and moved (dockerfile-script-rules.ts).
 */
export interface ScriptOrigin {
  readonly read: CachedScript;
  readonly base: number;
}

export function cachedScripts(cache: ParseCache | undefined, key: string, base: number, read: () => CachedScript[]): readonly (CachedScript & { readonly origin: ScriptOrigin })[] {
  const hit = cache?.get(key) as CacheEntry | undefined;
  if (hit) {
    const moved = hit.base === base ? hit.scripts : hit.moved?.base === base ? hit.moved.scripts : (hit.moved = { base, scripts: hit.scripts.map((s) => shiftScript(s, base - hit.base)) }).scripts;
    return hit.scripts.map((s, i) => ({ ...moved[i], origin: { read: s, base: hit.base } }));
  }
  const scripts = read();
  cache?.set(key, { base, scripts } satisfies CacheEntry);
  return scripts.map((s) => ({ ...s, origin: { read: s, base } }));
}

export function scriptCacheKey(escape: string, instructionText: string): string {
  return `dockerfile-run\u0000${escape}\u0000${instructionText}`;
}

function shiftScript(script: CachedScript, by: number): CachedScript {
  // A substitution's command is both in the flat list and in its word's `nested`: keep it one object.
  const moved = new Map<ShellCommand, ShellCommand>();
  const shiftWord = (w: ShellWord): ShellWord => ({
    ...w,
    starts: w.starts.map((n) => n + by),
    ends: w.ends.map((n) => n + by),
    start: w.start + by,
    end: w.end + by,
    nested: w.nested.map(shiftCommand),
  });
  function shiftCommand(c: ShellCommand): ShellCommand {
    let copy = moved.get(c);
    if (!copy) {
      copy = { ...c, assignments: c.assignments.map(shiftWord), words: c.words.map(shiftWord), start: c.start + by, end: c.end + by };
      moved.set(c, copy);
    }
    return copy;
  }
  const commands = script.commands.map(shiftCommand);
  return { form: script.form, commands, span: { start: script.span.start + by, end: script.span.end + by }, ...(script.tooComplex !== undefined ? { tooComplex: script.tooComplex } : {}) };
}
