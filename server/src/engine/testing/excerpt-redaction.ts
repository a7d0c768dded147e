import { mask, unquotedSecret } from '../text';
import type { Finding } from '../types';

// Fixture excerpts printed by the harness (`npm test`, `bulwark test`) leave the machine in CI logs
// like any report, so a secret rule's fixture lines never print raw:
// - every value the rule found is masked wherever it appears (as the CLI's redactor does);
// - a line where no range is known (an expected finding that did not come, a golden that differs)
//   has every word of four or more characters masked, since any of them could be the secret.
// Other rules' excerpts print as they are.

const MIN_SECRET_LENGTH = 6;
const WORD = /[^\s"'`=:,;()[\]{}<>]{4,}/g;

export interface ExcerptRedactor {
  /** A fixture line, masked as described above when the rule finds secrets. */
  line(text: string): string;
  /** The finding's own text as shown under its `~` marks. */
  span(text: string): string;
}

export function excerptRedactor(isSecretRule: boolean, fixture: string, findings: readonly Finding[]): ExcerptRedactor {
  if (!isSecretRule) return { line: (text) => text, span: (text) => text };
  const secrets = new Set<string>();
  for (const f of findings) {
    const matched = fixture.slice(f.span.start, f.span.end).trim();
    for (const secret of [matched, unquotedSecret(matched)]) if (secret.length >= MIN_SECRET_LENGTH) secrets.add(secret);
  }
  // Longest first, so a secret that contains another is masked whole; then every long word.
  const ordered = [...secrets].sort((a, b) => b.length - a.length);
  const maskWords = (text: string) => text.replace(WORD, (word) => mask(word));
  return {
    line: (text) => maskWords(ordered.reduce((out, secret) => out.split(secret).join('\u0000'), text)).replace(/\u0000/g, '…(secret)'),
    span: (text) => (text.length === 0 ? text : mask(text)),
  };
}
