// Rendering new YAML in block style that matches a file's own layout: how far nested keys are
// indented (the step) and whether sequence dashes sit under their key or one step in.

export type YamlScalar = string | number | boolean;
export type YamlValue = YamlScalar | readonly YamlValue[] | { readonly [key: string]: YamlValue };

export interface YamlLayout {
  /** Columns between a key and the keys of its nested map. */
  readonly step: number;
  /** Columns between a key and the dashes of its sequence: 0 (kubectl style) or the step. */
  readonly seqIndent: number;
}

const DEFAULT_LAYOUT: YamlLayout = { step: 2, seqIndent: 2 };

// A line that is only a key (with an optional leading dash and trailing comment): `  foo:`, `- bar: # x`.
const KEY_ONLY_LINE = /^( *)(- +)?(?:"[^"]*" *|'[^']*' *|[^\s#'"{}[\],&*!|>%@`][^#{}[\],]*):[ ]*(?:#.*)?$/;
const CONTENT_LINE = /^( *)(\S)/;

/**
 * The layout a file uses between `start` and `end`: the most frequent indentation step after a
 * key-only line, and the most frequent dash offset of sequences under a key. Falls back to two
 * spaces (and indented dashes) when the range shows no nesting.
 */
export function detectLayout(text: string, start = 0, end = text.length): YamlLayout {
  const lines = text.slice(start, end).split(/\r?\n|\r/);
  const steps = new Map<number, number>();
  const dashes = new Map<number, number>();
  for (let i = 0; i < lines.length; i++) {
    const key = KEY_ONLY_LINE.exec(lines[i]);
    if (!key) continue;
    const keyColumn = key[1].length + (key[2]?.length ?? 0);
    let next = i + 1;
    while (next < lines.length && (lines[next].trim() === '' || lines[next].trimStart().startsWith('#'))) next++;
    const content = next < lines.length ? CONTENT_LINE.exec(lines[next]) : null;
    if (!content) continue;
    const offset = content[1].length - keyColumn;
    if (content[2] === '-' && /^ *- /.test(lines[next])) {
      if (offset >= 0) dashes.set(offset, (dashes.get(offset) ?? 0) + 1);
    } else if (offset > 0) {
      steps.set(offset, (steps.get(offset) ?? 0) + 1);
    }
  }
  const step = mostFrequent(steps) ?? DEFAULT_LAYOUT.step;
  return { step, seqIndent: mostFrequent(dashes) ?? step };
}

function mostFrequent(counts: Map<number, number>): number | undefined {
  let best: number | undefined;
  for (const [value, count] of counts) {
    const bestCount = best === undefined ? -1 : (counts.get(best) ?? 0);
    if (count > bestCount || (count === bestCount && best !== undefined && value < best)) best = value;
  }
  return best;
}

const RESERVED_PLAIN = /^(?:true|false|yes|no|y|n|on|off|null|~)$/i;
const SAFE_PLAIN = /^[A-Za-z_][A-Za-z0-9_./-]*$/;

/** A scalar as YAML text: plain when it cannot be misread, JSON-quoted otherwise. */
export function renderScalar(value: YamlScalar): string {
  if (typeof value !== 'string') return String(value);
  return SAFE_PLAIN.test(value) && !RESERVED_PLAIN.test(value) ? value : JSON.stringify(value);
}

/** Lines (without line breaks) for the entries of a block map whose keys start at `column`. */
export function renderEntries(entries: { readonly [key: string]: YamlValue }, column: number, layout: YamlLayout): string[] {
  const pad = ' '.repeat(column);
  const out: string[] = [];
  for (const [key, value] of Object.entries(entries)) {
    const head = `${pad}${renderScalar(key)}:`;
    if (isScalarValue(value)) {
      out.push(`${head} ${renderScalar(value)}`);
    } else if (Array.isArray(value)) {
      out.push(head, ...renderItems(value, column + layout.seqIndent, layout));
    } else {
      out.push(head, ...renderEntries(value as { readonly [key: string]: YamlValue }, column + layout.step, layout));
    }
  }
  return out;
}

/** Lines for the items of a block sequence whose dashes sit at `column`. */
export function renderItems(items: readonly YamlValue[], column: number, layout: YamlLayout): string[] {
  const pad = ' '.repeat(column);
  const out: string[] = [];
  for (const item of items) {
    if (isScalarValue(item)) {
      out.push(`${pad}- ${renderScalar(item)}`);
    } else if (Array.isArray(item)) {
      out.push(`${pad}-`, ...renderItems(item, column + layout.step, layout));
    } else {
      const lines = renderEntries(item as { readonly [key: string]: YamlValue }, column + 2, layout);
      if (lines.length === 0) out.push(`${pad}- {}`);
      else out.push(`${pad}- ${lines[0].slice(column + 2)}`, ...lines.slice(1));
    }
  }
  return out;
}

export function isScalarValue(value: YamlValue): value is YamlScalar {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

/** `{a: {b: v}}` from the path `[a, b]` and `v`. */
export function nest(path: readonly string[], value: YamlValue): YamlValue {
  let out = value;
  for (let i = path.length - 1; i >= 0; i--) out = { [path[i]]: out };
  return out;
}
