import { isCollection, isScalar, Scalar, visit, type Document } from 'yaml';
import { oneCharacterEdit } from './one-character-edit';

// Typing a space at the end of a line, and deleting it, are most of what an editor sends while someone
// types in a manifest, and a re-parse of the edited `---` section was most of the memory a keystroke
// allocated (~1 MB of the ~1.6 MB per keystroke in ingress-nginx's deploy.yaml, and so most of the
// p99's garbage collection). Where a trailing space cannot change what the YAML says, the parse of the
// section as it was is copied with the offsets past the edit moved by one. The conditions are narrow on
// purpose and proven against fresh parses (test/unit/engine/yaml-trailing-space.test.ts): the line holds
// something besides blanks, no comment, flow collection, anchor, alias, tag or tab, is no document
// marker or directive, and the edit is not inside any scalar's value (block scalars, quoted or plain
// scalars over several lines) nor at an empty value; a single-line scalar may end right where the space goes.

/** Characters that make a line's trailing space a question this module does not answer. */
const UNSURE_LINE = /[#[\]{}&*!\t]|^(?:---|\.\.\.|%)/;

/**
 * The parse of `text` made from `previous`'s parse `doc`, when `text` is `previous` with one space
 * typed or deleted just before a line break where that changes nothing but offsets; otherwise undefined
 * (the caller parses). `doc` is not changed: the result is a copy.
 */
export function parseAfterTrailingSpace(previous: string, doc: Document.Parsed, text: string): Document.Parsed | undefined {
  if (doc.errors.length > 0 || doc.warnings.length > 0) return undefined;
  // One space at `at` in `spaced`, everything after it equal, and a line break right after it.
  const edit = oneCharacterEdit(previous, text, (longer, at) => longer.charCodeAt(at) === 0x20);
  if (!edit) return undefined;
  const { at, delta, longer: spaced } = edit;
  const next = spaced.charCodeAt(at + 1);
  if (next !== 0x0a && next !== 0x0d) return undefined;
  const line = spaced.slice(spaced.lastIndexOf('\n', at - 1) + 1, at);
  if (line.trim() === '' || UNSURE_LINE.test(line)) return undefined;
  // An empty value (`key:` with nothing after it) sits where the line's blanks end, so it would move with them.
  if (!editOutsideValues(doc, previous, at, delta === 1 ? at : at + 1)) return undefined;
  const copy = doc.clone() as Document.Parsed;
  const move = (range: [number, number, number] | null | undefined): void => {
    if (!range) return;
    for (let i = 0; i < 3; i++) if (range[i] > at) range[i] += delta;
  };
  move(copy.range);
  visit(copy, { Node: (_key, node) => move(node.range) });
  return copy;
}

/**
 * No scalar's value holds `at` (one may end there on its own line), no node starts at the line's end
 * (an empty value), and no flow collection reaches it.
 */
function editOutsideValues(doc: Document.Parsed, text: string, at: number, lineEnd: number): boolean {
  let outside = true;
  visit(doc, {
    Node: (_key, node) => {
      const range = node.range;
      if (!range) return undefined;
      if (range[0] === lineEnd) outside = false;
      else if (isScalar(node)) {
        if (range[0] < at && at < range[1]) outside = false;
        else if (range[0] < at && at === range[1] && !endsOnItsLine(node, text, range)) outside = false;
      } else if (isCollection(node) && node.flow && range[0] <= at && at <= range[2]) outside = false;
      return outside ? undefined : visit.BREAK;
    },
  });
  return outside;
}

/** A plain or quoted scalar whose value is on one line: a space after it is not part of it. */
function endsOnItsLine(node: Scalar, text: string, range: readonly [number, number, number]): boolean {
  if (node.type !== Scalar.PLAIN && node.type !== Scalar.QUOTE_DOUBLE && node.type !== Scalar.QUOTE_SINGLE) return false;
  const newline = text.indexOf('\n', range[0]);
  return newline < 0 || newline >= range[1];
}
