import type { Span } from '../../types';
import { nextLine, type LineBounds } from './assignment-forms';

// A YAML list of command words (a container's `args` or `command`, a compose `command:` list, an Ansible
// `argv`) with an option and its value as consecutive items, one a line:
//   - --db-password
//   - "…"
// The option may take one dash (Go's flag package: `-slurm.rest-token`). The exec-form array on one line
// (`["--db-password", "…"]`) is command-forms.ts' optionItemValueStart.

/** The value item after an option item whose name is the key at `keySpan`; `quote` is the item's quote or ''. */
export function optionListItemValue(text: string, keySpan: Span, line: LineBounds): { span: Span; quote: string } | undefined {
  const head = OPTION_ITEM.exec(text.slice(line.lineStart, keySpan.start));
  if (!head || !new RegExp(`^${head[2]}[ \\t]*\\r?$`).test(text.slice(keySpan.end, line.lineEnd))) return undefined;
  const next = nextLine(text, line.lineEnd);
  const m = next ? VALUE_ITEM.exec(text.slice(next.lineStart, next.lineEnd)) : null;
  // A sibling item at the option's indentation, not an option itself.
  if (!next || !m || m[1] !== head[1] || m[3].startsWith('-')) return undefined;
  const start = next.lineStart + m[0].length - m[3].length - m[2].length - (m[4]?.length ?? 0);
  return { span: { start, end: start + m[3].length }, quote: m[2] };
}

/** `  - --` or `  - "-` before the option's name: the item's indentation and its quote. */
const OPTION_ITEM = /^([ \t]*)-[ \t]+(["']?)--?$/;
/** `  - value` or `  - "value"`: indentation, quote, the value (no blank, quote or comment), trailing blanks. */
const VALUE_ITEM = /^([ \t]*)-[ \t]+(["']?)([^\s"'#]{1,1000})\2([ \t]*\r?)$/;
