import { lengthOnly, mask, unquotedSecret } from './text';
import type { Span } from './types';

// Secrets are masked where a value is put into a message, not by searching finished messages: a
// placeholder whose value was read from the file (a container name, an image reference) is masked
// where its origin overlaps a secret finding's range, so a token written inside an image tag is
// hidden in every rule's message, while a container name that merely equals a password typed
// elsewhere stays readable. A value without a known origin is searched for the secret texts instead,
// the last-resort net for templates that do not say where a value came from.

/**
 * Type prefixes that vendors publish, so showing them tells the reader which credential it is and
 * nothing about its value: AWS key IDs, GitHub, GitLab, Slack, npm, PyPI, Hugging Face, OpenAI/Stripe
 * style `sk-`/`sk_`, Google API keys, and URL schemes (`postgres://…`).
 */
const PUBLIC_PREFIX = /^(?:AKIA|ASIA|ABIA|ACCA|gh[pousr]_|github_pat_|gl[a-z]{2,6}-|xox[abeoprs]-|npm_|pypi-|hf_|sk[-_]|rk_|AIza|[a-z][a-z0-9+.-]*:\/\/)/;

/**
 * A value whose kind is not known in advance: its first characters are shown only when they are a
 * published type prefix (`ghp_…(40 chars)`); a password shows only its length.
 */
export function maskSecret(secret: string): string {
  return PUBLIC_PREFIX.test(secret) ? mask(secret) : lengthOnly(secret.length);
}

/** Shorter texts are not searched for in values of unknown origin: they would hide ordinary words. */
const MIN_SEARCHED_LENGTH = 6;

/** Where each placeholder's value was read from in the file (see Report.origins). */
export type Origins = Readonly<Record<string, Span>>;

/** Masks the secrets of one analysed file in the values placed into its messages and fix titles. */
export class SecretMasker {
  private readonly spans: Span[];
  /** spans[0..i]'s largest end, so an overlap search can stop early. */
  private readonly reach: number[];
  /** Every secret's text (as written and unquoted), longest first. */
  private readonly texts: string[];
  /**
   * text()'s answers in this analysis: each finding's fix title goes through it, mostly the same title,
   * and each call searches for every secret of the file (a file of 600 secrets did 360,000 searches).
   */
  private readonly masked = new Map<string, string>();
  private joinedTexts?: string;
  /** While recording (recorded()): each value of unknown origin masked, with what it became. */
  private recording?: (readonly [string, string])[];

  constructor(
    private readonly fileText: string,
    secretSpans: readonly Span[],
  ) {
    this.spans = secretSpans.filter((s) => s.end > s.start).sort((a, b) => a.start - b.start || a.end - b.end);
    let reach = 0;
    this.reach = this.spans.map((s) => (reach = Math.max(reach, s.end)));
    const texts = new Set<string>();
    for (const s of this.spans) {
      const matched = fileText.slice(s.start, s.end).trim();
      for (const t of [matched, unquotedSecret(matched)]) if (t.length >= MIN_SEARCHED_LENGTH) texts.add(t);
    }
    this.texts = [...texts].sort((a, b) => b.length - a.length);
  }

  get empty(): boolean {
    return this.spans.length === 0;
  }

  /**
   * The secret texts a value of unknown origin is searched for, as one string: two maskers with the same
   * key mask such values alike (finding-memo.ts reuses a finding's message on that ground).
   */
  get textsKey(): string {
    return (this.joinedTexts ??= this.texts.join('\u0000'));
  }

  /** Whether a secret lies where any of these values was read from (then it is masked by place, see sourced). */
  overlapsAny(origins: Origins | undefined): boolean {
    if (!origins || this.spans.length === 0) return false;
    for (const name in origins) if (Object.hasOwn(origins, name) && this.overlaps(origins[name])) return true;
    return false;
  }

  /** overlapping(range).length > 0, without the list. */
  private overlaps(range: Span): boolean {
    let lo = 0;
    let hi = this.spans.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.spans[mid].start < range.end) lo = mid + 1;
      else hi = mid;
    }
    for (let i = hi - 1; i >= 0 && this.reach[i] > range.start; i--) if (this.spans[i].end > range.start) return true;
    return false;
  }

  /** Fills `{{name}}` placeholders; the template's own words are never altered. */
  fill(template: string, data: Readonly<Record<string, string>>, origins: Origins | undefined): string {
    return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => {
      if (!Object.hasOwn(data, name)) return whole;
      const origin = origins && Object.hasOwn(origins, name) ? origins[name] : undefined;
      return origin ? this.sourced(data[name], origin) : this.text(data[name]);
    });
  }

  /** A value of unknown origin (a notice, a template's fix title): every secret text in it is masked. */
  text(value: string): string {
    let out = this.masked.get(value);
    if (out === undefined) this.masked.set(value, (out = this.search(value)));
    this.recording?.push([value, out]);
    return out;
  }

  /**
   * `make()`, with the values of unknown origin it had masked and what each became: with no secret
   * lying where its other values were read from (overlapsAny), what it made depends on the secrets only
   * through those (finding-memo.ts keeps a finding while another masker masks them alike: maskedAlike).
   */
  recorded<T>(make: () => T): { readonly value: T; readonly unknown: readonly (readonly [string, string])[] } {
    const outer = this.recording;
    const unknown: (readonly [string, string])[] = [];
    this.recording = unknown;
    try {
      return { value: make(), unknown };
    } finally {
      this.recording = outer;
      outer?.push(...unknown);
    }
  }

  /** Whether this masker masks each of these values as recorded (by recorded()). */
  maskedAlike(unknown: readonly (readonly [string, string])[]): boolean {
    const outer = this.recording;
    this.recording = undefined;
    try {
      return unknown.every(([value, out]) => this.text(value) === out);
    } finally {
      this.recording = outer;
    }
  }

  private search(value: string): string {
    let out = value;
    // Longest first: those longer than the value cannot occur in it (most values are short: a key name, a masked secret).
    for (let i = this.firstAtMost(value.length); i < this.texts.length; i++) {
      const secret = this.texts[i];
      if (out.includes(secret)) out = out.split(secret).join(maskSecret(secret));
    }
    return out;
  }

  /** The index of the first (longest) secret text no longer than `length`. */
  private firstAtMost(length: number): number {
    let lo = 0;
    let hi = this.texts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.texts[mid].length > length) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** A value read from `origin`: only the secrets lying there are masked in it. */
  private sourced(value: string, origin: Span): string {
    let out = value;
    for (const secret of this.overlapping(origin)) {
      const piece = this.fileText.slice(Math.max(secret.start, origin.start), Math.min(secret.end, origin.end)).trim();
      const candidates = [piece, unquotedSecret(piece)].filter((t) => /[^"'`\s]/.test(t)).sort((a, b) => b.length - a.length);
      if (candidates.length === 0) continue;
      const found = candidates.find((t) => out.includes(t));
      // Escapes or folding changed the text on the way into the value: hide the whole value.
      if (found === undefined) return maskSecret(value);
      out = out.split(found).join(maskSecret(found));
    }
    return out;
  }

  private overlapping(range: Span): Span[] {
    const out: Span[] = [];
    let hi = this.spans.length;
    for (let lo = 0; lo < hi; ) {
      const mid = (lo + hi) >> 1;
      if (this.spans[mid].start < range.end) lo = mid + 1;
      else hi = mid;
    }
    for (let i = hi - 1; i >= 0 && this.reach[i] > range.start; i--) if (this.spans[i].end > range.start) out.push(this.spans[i]);
    return out;
  }
}
