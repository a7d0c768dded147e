import { isCollection, isScalar, Scalar, visit, type Document } from 'yaml';
import { oneCharacterEdit } from './one-character-edit';

// Typing a word in a value (an image tag, an env value, a command argument) changes one plain scalar by
// one character per keystroke, and re-parsing the `---` section for it was most of what such a keystroke
// allocated (~0.8 of ~1.2 MB per keystroke in ingress-nginx's deploy.yaml). Where the character cannot
// change anything but that scalar's text, the parse of the section as it was is copied with the scalar's
// text changed and the offsets past the edit moved by one. The conditions are narrow on purpose and
// proven against fresh parses (test/unit/parsers/yaml-scalar-edit.test.ts): the character is a letter,
// a digit, `_`, `.`, `/` or `-` (nothing YAML reads as syntax inside a plain scalar), the scalar is plain,
// untagged, unanchored, without blanks, outside flow collections, not its first character, and reads as
// a string both before and after the edit (it starts with a letter and is no null or boolean word).

/** Characters that are text, never syntax, inside a plain scalar that starts with a letter. */
const TEXT_CHARACTER = /^[A-Za-z0-9_./-]$/;
/**
 * YAML 1.2's core schema reads a plain scalar as null, a boolean or a number only when it is one of
 * those words or starts with a digit, a sign or a dot: one that starts with a letter (after `-`, `--`
 * or `/`: a flag or a path) is a string unless it is such a word. No blanks, so no ` #` or `: `; and no
 * `:` at the end (a key).
 */
const STRING_SCALAR = /^(?:--?|\/)?[A-Za-z][A-Za-z0-9_./:@=+-]*$/;
const NOT_A_STRING = /^(?:null|true|false)$/i;

function readsAsString(source: string): boolean {
  return STRING_SCALAR.test(source) && !NOT_A_STRING.test(source) && !source.endsWith(':');
}

/**
 * The parse of `text` made from `previous`'s parse `doc`, when `text` is `previous` with one character
 * typed into, or deleted from, a plain scalar where that changes nothing but the scalar's text and the
 * offsets after it; otherwise undefined (the caller parses). `doc` is not changed: the result is a copy.
 */
export function parseAfterScalarEdit(previous: string, doc: Document.Parsed, text: string): Document.Parsed | undefined {
  if (doc.errors.length > 0 || doc.warnings.length > 0) return undefined;
  const edit = oneCharacterEdit(previous, text, (longer, at) => TEXT_CHARACTER.test(longer[at]));
  if (!edit) return undefined;
  const { at, delta } = edit;
  const path = scalarPath(doc, previous, text, at, delta);
  if (!path) return undefined;
  const copy = doc.clone() as Document.Parsed;
  let edited: Scalar | undefined;
  const move = (range: [number, number, number] | null | undefined): void => {
    if (!range) return;
    // No node starts at `at`; the edited scalar's end, and the ends of the collections it closes, may be
    // there and move with a character typed at the scalar's end.
    for (let i = 0; i < 3; i++) if (range[i] > at || (range[i] === at && i > 0)) range[i] += delta;
  };
  move(copy.range);
  let index = 0;
  visit(copy, {
    Node: (_key, node) => {
      if (index++ === path.index && isScalar(node)) edited = node;
      move(node.range);
    },
  });
  if (!edited?.range) return undefined;
  const source = text.slice(edited.range[0], edited.range[1]);
  if (source !== path.after) return undefined;
  edited.value = source;
  edited.source = source;
  return copy;
}

interface ScalarPath {
  /** The scalar's place in visit() order, to find it again in the copy. */
  readonly index: number;
  /** Its text after the edit. */
  readonly after: string;
}

/** The plain one-line scalar outside flow collections that the edit at `at` changes, when it stays a string. */
function scalarPath(doc: Document.Parsed, previous: string, text: string, at: number, delta: number): ScalarPath | undefined {
  let found: ScalarPath | undefined;
  let unsure = false;
  let index = 0;
  visit(doc, {
    Node: (_key, node, path) => {
      const i = index++;
      const range = node.range;
      if (!range) return undefined;
      if (isCollection(node) && node.flow && range[0] <= at && at <= range[2]) unsure = true;
      else if (isScalar(node) && range[0] < at && at <= range[1] && (delta === 1 || at < range[1])) {
        const before = previous.slice(range[0], range[1]);
        const after = text.slice(range[0], range[1] + delta);
        const inFlow = path.some((p) => isCollection(p) && p.flow);
        const plain = node.type === Scalar.PLAIN && !node.tag && !node.anchor && node.value === before && node.source === before;
        if (!plain || inFlow || !readsAsString(before) || !readsAsString(after)) unsure = true;
        else found = { index: i, after };
      }
      return unsure ? visit.BREAK : undefined;
    },
  });
  if (unsure || !found) return undefined;
  return found;
}
