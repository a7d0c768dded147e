// `WWW-Authenticate` challenges (RFC 7235): `Bearer realm="…",service="…",scope="…"` or `Basic realm="…"`.
// Several challenges may share one header (Node joins repeated headers with ", ").

export interface Challenge {
  /** Lower case: 'bearer', 'basic', … */
  readonly scheme: string;
  readonly params: Readonly<Record<string, string>>;
}

export function parseChallenges(header: string | undefined): Challenge[] {
  if (!header) return [];
  const text: string = header;
  const challenges: { scheme: string; params: Record<string, string> }[] = [];
  let i = 0;
  const skip = (pattern: RegExp): void => {
    while (i < text.length && pattern.test(text[i])) i++;
  };
  const token = (): string => {
    const start = i;
    while (i < text.length && /[!#$%&'*+.^_`|~0-9A-Za-z-]/.test(text[i])) i++;
    return text.slice(start, i);
  };
  while (i < text.length) {
    skip(/[\s,]/);
    const name = token();
    if (!name) {
      i++; // an unexpected character: skip it rather than loop forever
      continue;
    }
    skip(/\s/);
    if (text[i] === '=' && challenges.length > 0) {
      i++;
      skip(/\s/);
      challenges[challenges.length - 1].params[name.toLowerCase()] = value();
      continue;
    }
    challenges.push({ scheme: name.toLowerCase(), params: {} });
  }
  return challenges;

  function value(): string {
    if (text[i] !== '"') return token();
    let out = '';
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text[i] === '\\' && i + 1 < text.length) i++;
      out += text[i++];
    }
    i++;
    return out;
  }
}
