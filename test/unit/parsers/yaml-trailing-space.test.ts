import * as assert from 'node:assert/strict';
import { isDeepStrictEqual } from 'node:util';
import { parseDocument, type Document } from 'yaml';
import { parseAfterTrailingSpace } from '../../../server/src/engine/parsers/yaml-trailing-space';
import { kubernetesFixtureSections, realworldManifestSections } from '../../support/yaml-files';

// A trailing space typed or deleted reuses the section's previous parse with moved offsets
// (yaml-trailing-space.ts). Wherever it does, the copy must equal a fresh parse of the new text in every
// field (values, node types, ranges, comments, blank-line flags); and where the space could change
// the YAML (or the module cannot tell), it must decline.

const parse = (text: string): Document.Parsed => parseDocument(text, { uniqueKeys: false, strict: false, prettyErrors: false, keepSourceTokens: false });

/** Every line end of `text` (before `\r\n` or `\n`). */
function lineEnds(text: string): number[] {
  const out: number[] = [];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) out.push(i > 0 && text[i - 1] === '\r' ? i - 1 : i);
  return out;
}

interface Sweep {
  readonly reused: number;
  readonly declined: number;
}

/** Types a space at each line end and deletes it again, checking every reuse against a fresh parse. */
function sweep(section: string, where: string, most = Infinity): Sweep {
  let reused = 0;
  let declined = 0;
  const before = parse(section);
  const ends = lineEnds(section);
  // A spread of `most` line ends over the section (all of them by default).
  const step = Math.max(1, Math.ceil(ends.length / most));
  for (const at of ends.filter((_, i) => i % step === 0)) {
    const typed = section.slice(0, at) + ' ' + section.slice(at);
    const fresh = parse(typed);
    const copy = parseAfterTrailingSpace(section, before, typed);
    if (copy) {
      assert.ok(isDeepStrictEqual(copy, fresh), `${where}: a space typed at offset ${at} (line ${section.slice(0, at).split('\n').length})`);
      reused++;
    } else declined++;
    // And deleted again: from the typed text's parse back to the section's.
    const back = parseAfterTrailingSpace(typed, fresh, section);
    if (back) assert.ok(isDeepStrictEqual(back, before), `${where}: the space at offset ${at} deleted`);
    assert.equal(back !== undefined, copy !== undefined, `${where}: typing and deleting at ${at} decide alike`);
  }
  return { reused, declined };
}

describe('a trailing space reuses the previous parse (yaml-trailing-space.ts)', () => {
  it('equals a fresh parse at every line end of the Kubernetes rule fixtures', function () {
    this.timeout(120_000);
    let total: Sweep = { reused: 0, declined: 0 };
    const sections = kubernetesFixtureSections();
    assert.ok(sections.length > 50, `${sections.length} fixture sections`);
    for (const { file, text } of sections) {
      const s = sweep(text, file);
      total = { reused: total.reused + s.reused, declined: total.declined + s.declined };
    }
    // Most line ends of a manifest are plain `key: value` lines: the reuse is not a corner case.
    assert.ok(total.reused > total.declined, JSON.stringify(total));
  });

  it('equals a fresh parse at every line end of the real-world manifests', function () {
    const sections = realworldManifestSections();
    if (!sections) this.skip();
    this.timeout(300_000);
    let reused = 0;
    // Every 40th manifest: 10 line ends spread over each section under 16 KB.
    for (const { file, text } of sections) reused += sweep(text, file, 10).reused;
    assert.ok(reused > 200, `${reused} reuses in ${sections.length} sections`);
  });

  it('reuses on plain lines, with LF and CRLF, and moves only what lies past the space', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: app\n    image: "nginx:1.25"\n    args: [a]\n';
    for (const eol of ['\n', '\r\n']) {
      const section = text.replaceAll('\n', eol);
      const at = section.indexOf(eol, section.indexOf('name: web'));
      const typed = section.slice(0, at) + ' ' + section.slice(at);
      const copy = parseAfterTrailingSpace(section, parse(section), typed);
      assert.ok(copy && isDeepStrictEqual(copy, parse(typed)));
      // After `image: "nginx:1.25"` too: a quoted scalar on its own line.
      const quoted = section.indexOf(eol, section.indexOf('image:'));
      assert.ok(parseAfterTrailingSpace(section, parse(section), section.slice(0, quoted) + ' ' + section.slice(quoted)));
    }
  });

  const declines: [string, string, string][] = [
    ['a block scalar (literal)', 'data:\n  script: |\n    echo one\n    echo two\nkind: ConfigMap\n', 'echo one'],
    ['a block scalar (folded)', 'data:\n  text: >\n    one\n    two\nkind: ConfigMap\n', 'one'],
    ['a block scalar header', 'data:\n  script: |\n    echo one\n', 'script: |'],
    ['a double-quoted scalar over lines', 'a: "one\n  two"\nb: 1\n', 'a: "one'],
    ['a single-quoted scalar over lines', "a: 'one\n  two'\nb: 1\n", "a: 'one"],
    ['a plain scalar over lines', 'a: one\n  two\n  three\nb: 1\n', 'two'],
    ['a comment', 'a: 1 # note\nb: 1\n', '# note'],
    ['a whole-line comment', '# note\na: 1\n', '# note'],
    ['a flow collection', 'a: [x, y]\nb: 1\n', '[x, y]'],
    ['a flow collection over lines', 'a: [x,\n  y]\nb: 1\n', '[x,'],
    ['an anchor', 'a: &x 1\nb: *x\n', '&x 1'],
    ['an alias', 'a: &x 1\nb: *x\n', '*x'],
    ['a tag', 'a: !!str 1\nb: 1\n', '!!str 1'],
    ['a document marker', '---\na: 1\n', '---'],
    ['a blank line', 'a: 1\n\nb: 1\n', 'a: 1\n'],
    ['a section with errors', 'a: 1\n b: 2\nc: [\n', 'a: 1'],
  ];
  for (const [what, section, marker] of declines) {
    it(`declines a space after ${what}`, () => {
      const at = marker.endsWith('\n') ? section.indexOf(marker) + marker.length : section.indexOf('\n', section.indexOf(marker));
      const typed = section.slice(0, at) + ' ' + section.slice(at);
      assert.equal(parseAfterTrailingSpace(section, parse(section), typed), undefined);
      assert.equal(parseAfterTrailingSpace(typed, parse(typed), section), undefined, 'deleting it');
    });
  }

  it('declines any other edit: not a space, not at a line end, more than one character, at the end of the text', () => {
    const section = 'a: one\nb: two\n';
    const doc = parse(section);
    for (const other of ['a: one\t\nb: two\n', 'a: one x\nb: two\n'.replace(' x', 'x'), 'a: o ne\nb: two\n', 'a: one  \nb: two\n', 'a: one\nb: two\n ', 'a: one\nb: two', 'a: one\nb: twx\n']) {
      assert.equal(parseAfterTrailingSpace(section, doc, other), undefined, JSON.stringify(other));
    }
  });
});
