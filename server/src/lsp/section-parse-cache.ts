import type { ParseCache } from '../engine';

/**
 * The parse cache of one open document: keeps only the YAML sections used by the last two analyses.
 * An LRU sized in entries is not enough in an editor: every keystroke adds a version of the touched
 * section, and each key (a slice of that version's full text) keeps the whole text alive, so typing
 * in a 1.9 MB manifest would hold hundreds of megabytes. Here memory stays at about two versions.
 */
export class SectionParseCache implements ParseCache {
  private current = new Map<string, unknown>();
  private previous = new Map<string, unknown>();

  get(key: string): unknown {
    let value = this.current.get(key);
    if (value === undefined) {
      value = this.previous.get(key);
      if (value !== undefined) this.current.set(key, value);
    }
    return value;
  }

  set(key: string, value: unknown): void {
    this.current.set(key, value);
  }

  /** Called after each analysis: what it did not use ages out after the next one. */
  endAnalysis(): void {
    this.previous = this.current;
    this.current = new Map();
  }
}
