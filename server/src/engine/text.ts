/** Offset <-> line/column conversion for one text; lines and columns are 0-based UTF-16. */
export class LineIndex {
  private starts: number[] | undefined;

  constructor(readonly text: string) {}

  /** Built on first use: most analyses of a large file never need line numbers. */
  private get lineStarts(): number[] {
    this.starts ??= computeLineStarts(this.text);
    return this.starts;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  lineOf(offset: number): number {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  positionAt(offset: number): { line: number; character: number } {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const line = this.lineOf(clamped);
    return { line, character: clamped - this.lineStarts[line] };
  }

  offsetAt(position: { line: number; character: number }): number {
    if (position.line >= this.lineStarts.length) return this.text.length;
    if (position.line < 0) return 0;
    const start = this.lineStarts[position.line];
    return Math.min(start + Math.max(0, position.character), this.lineEnd(position.line));
  }

  lineStart(line: number): number {
    return this.lineStarts[Math.max(0, Math.min(line, this.lineStarts.length - 1))];
  }

  /** Offset of the end of the line's content, before its line break. */
  lineEnd(line: number): number {
    const next = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1] : this.text.length;
    let end = next;
    if (end > this.lineStarts[line] && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > this.lineStarts[line] && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  lineText(line: number): string {
    return this.text.slice(this.lineStart(line), this.lineEnd(line));
  }
}

function computeLineStarts(text: string): number[] {
  const starts = [0];
  if (!text.includes('\r')) {
    // The common case, done with native indexOf: several times faster than a char loop on megabytes.
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    return starts;
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

/** The line break the file already uses, so inserted lines match it. */
/** The offset of the `\n` that ends the line holding `at`, or the text's length on its last line. */
export function lineEndAt(text: string, at: number): number {
  const lf = text.indexOf('\n', at);
  return lf < 0 ? text.length : lf;
}

export function eolOf(text: string): string {
  const lf = text.indexOf('\n');
  return lf > 0 && text.charCodeAt(lf - 1) === 13 ? '\r\n' : '\n';
}

/**
 * Hides a secret while keeping it recognisable: the first four characters (a key's public prefix,
 * such as AKIA) and the length. Short values show no characters at all.
 */
export function mask(value: string): string {
  const shown = value.length >= 12 ? value.slice(0, 4) : '';
  return `${shown}${lengthOnly(value.length)}`;
}

/** What a mask shows of a value's size: "…(1 char)", "…(16 chars)". */
export function lengthOnly(length: number): string {
  return `…(${length} ${length === 1 ? 'char' : 'chars'})`;
}

/**
 * The secret inside a secret finding's range: a template may span a value as written, with its quotes
 * (`"s3cret"`) or as a YAML block scalar (`|` then indented lines), and a message that echoes the bare
 * value must still be caught.
 */
export function unquotedSecret(matched: string): string {
  const trimmed = matched.trim();
  if (/^(["'`]).*\1$/s.test(trimmed) && trimmed.length >= 2) return trimmed.slice(1, -1);
  const block = /^[|>][-+0-9]*[ \t]*\r?\n([\s\S]*)$/.exec(trimmed);
  return block ? block[1].split(/\r?\n/).map((line) => line.trim()).join('\n').trim() : trimmed;
}

/** Shannon entropy in bits per character. */
export function shannonEntropy(value: string): number {
  if (value.length === 0) return 0;
  return asciiEntropy(value) ?? codePointEntropy(value);
}

/**
 * The same sum for an ASCII value (most secrets and what looks like one) without a Map or a string per
 * character: counts in a typed array, terms added in the order each character first appears, as the
 * Map's insertion order has them, so the result is the same number to the last bit. Undefined otherwise.
 */
function asciiEntropy(value: string): number | undefined {
  const counts = new Int32Array(128);
  const order: number[] = [];
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code >= 128) return undefined;
    if (counts[code]++ === 0) order.push(code);
  }
  let bits = 0;
  for (const code of order) {
    const p = counts[code] / value.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

/** The general sum, one Map entry per code point; exported as the reference the ASCII path is tested against. */
export function codePointEntropy(value: string): number {
  const counts = new Map<string, number>();
  for (const ch of value) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) {
    const p = n / value.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}
