// How many capture groups an RE2 pattern has, read from its syntax without compiling it. A deferred
// SafeRegex (a pattern this engine compiled and accepted at build time) answers templates that check a
// group number at load time with this, so loading a pack compiles nothing. Only for patterns RE2
// accepted: on invalid syntax the count means nothing.

/** Capturing: `(`, `(?P<name>`, `(?<name>`; not: `(?:`, `(?i)`, `(?i:`, escaped or in a class. */
export function captureGroupCount(source: string): number {
  let count = 0;
  let i = 0;
  while (i < source.length) {
    const c = source[i];
    if (c === '\\') {
      i = source[i + 1] === 'Q' ? skipQuoted(source, i + 2) : i + 2;
    } else if (c === '[') {
      i = skipClass(source, i + 1);
    } else {
      if (c === '(' && (source[i + 1] !== '?' || source.startsWith('P<', i + 2) || (source[i + 2] === '<' && source[i + 3] !== '=' && source[i + 3] !== '!'))) count++;
      i++;
    }
  }
  return count;
}

/** After `\Q`: literal text up to `\E` (or the end). */
function skipQuoted(source: string, from: number): number {
  const end = source.indexOf('\\E', from);
  return end < 0 ? source.length : end + 2;
}

/** After `[`: up to the closing `]`; a `]` first (after an optional `^`) is literal, as are escapes and `[:name:]`. */
function skipClass(source: string, from: number): number {
  let i = from;
  if (source[i] === '^') i++;
  if (source[i] === ']') i++;
  while (i < source.length && source[i] !== ']') {
    if (source[i] === '\\') i += 2;
    else if (source.startsWith('[:', i)) {
      const end = source.indexOf(':]', i + 2);
      i = end < 0 ? i + 1 : end + 2;
    } else i++;
  }
  return i + 1;
}
