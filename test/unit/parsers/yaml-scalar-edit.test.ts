import * as assert from 'node:assert/strict';
import { isDeepStrictEqual } from 'node:util';
import { isScalar, parseDocument, visit, type Document } from 'yaml';
import { parseAfterScalarEdit } from '../../../server/src/engine/parsers/yaml-scalar-edit';
import { kubernetesFixtureSections, realworldManifestSections } from '../../support/yaml-files';

// A character typed into or deleted from a plain scalar reuses the section's previous parse with the
// scalar's text changed and offsets moved (yaml-scalar-edit.ts). Wherever it does, the copy must equal a
// fresh parse of the new text in every field (values, node types, ranges, comments); and where the
// character could change the YAML (or the module cannot tell), it must decline.

const parse = (text: string): Document.Parsed => parseDocument(text, { uniqueKeys: false, strict: false, prettyErrors: false, keepSourceTokens: false });

/** Where a user types in each scalar: at its end, and after its first character. */
function scalarPlaces(doc: Document.Parsed): number[] {
  const out: number[] = [];
  visit(doc, {
    Scalar: (_key, node) => {
      if (node.range && node.range[1] > node.range[0]) out.push(node.range[1], node.range[0] + 1);
    },
  });
  return out;
}

interface Sweep {
  readonly reused: number;
  readonly declined: number;
}

/** Types `word` a character at a time at each place, then deletes it, checking every reuse against a fresh parse. */
function sweep(section: string, where: string, word: string, most = Infinity): Sweep {
  let reused = 0;
  let declined = 0;
  const places = scalarPlaces(parse(section));
  const step = Math.max(1, Math.ceil(places.length / most));
  for (const at of places.filter((_, i) => i % step === 0)) {
    let text = section;
    let doc = parse(text);
    const steps = [...[...word].map((c, i) => ({ at: at + i, insert: c })), ...[...word].map((_, i) => ({ at: at + word.length - 1 - i, insert: '' }))];
    for (const s of steps) {
      const next = text.slice(0, s.at) + s.insert + text.slice(s.insert ? s.at : s.at + 1);
      const fresh = parse(next);
      const copy = parseAfterScalarEdit(text, doc, next);
      if (copy) {
        assert.ok(isDeepStrictEqual(copy, fresh), `${where}: ${s.insert ? `"${s.insert}" typed` : 'a character deleted'} at offset ${s.at} (line ${next.slice(0, s.at).split('\n').length})`);
        reused++;
      } else declined++;
      text = next;
      doc = fresh;
    }
    assert.equal(text, section);
  }
  return { reused, declined };
}

describe('a character typed in a plain scalar reuses the previous parse (yaml-scalar-edit.ts)', () => {
  it('equals a fresh parse in every scalar of the Kubernetes rule fixtures, typing letters, digits and separators', function () {
    this.timeout(300_000);
    let total: Sweep = { reused: 0, declined: 0 };
    const sections = kubernetesFixtureSections();
    assert.ok(sections.length > 50, `${sections.length} fixture sections`);
    // Words that could turn a string into a number, a boolean, a key or a path: each one in turn.
    for (const [i, { file, text }] of sections.entries()) {
      const s = sweep(text, file, ['dev', '9.e', '-/_', 'ue:'][i % 4], 6);
      total = { reused: total.reused + s.reused, declined: total.declined + s.declined };
    }
    // Most scalars of a manifest are plain strings: the reuse is not a corner case.
    assert.ok(total.reused > total.declined, JSON.stringify(total));
  });

  it('equals a fresh parse in the scalars of the real-world manifests', function () {
    const sections = realworldManifestSections();
    if (!sections) this.skip();
    this.timeout(300_000);
    let reused = 0;
    // Every 40th manifest: 6 scalars spread over each section under 16 KB.
    for (const { file, text } of sections) reused += sweep(text, file, 'dev', 6).reused;
    assert.ok(reused > 200, `${reused} reuses in ${sections.length} sections`);
  });

  it('types a word into an image tag, keeping the value a string and moving what follows', () => {
    for (const eol of ['\n', '\r\n']) {
      const section = 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: app\n    image: nginx:1.25\n    args: [a]\n'.replaceAll('\n', eol);
      const at = section.indexOf(eol, section.indexOf('image:'));
      const typed = section.slice(0, at) + 'd' + section.slice(at);
      const copy = parseAfterScalarEdit(section, parse(section), typed);
      assert.ok(copy && isDeepStrictEqual(copy, parse(typed)));
      assert.equal((copy.getIn(['spec', 'containers', 0, 'image'], true) as { value: unknown }).value, 'nginx:1.25d');
      assert.equal(parseAfterScalarEdit(typed, parse(typed), section)?.getIn(['spec', 'containers', 0, 'image']), 'nginx:1.25');
    }
  });

  const declines: [string, string, string, string?][] = [
    ['a number', 'replicas: 1\nb: x\n', 'replicas: 1'],
    ['a scalar that would become a boolean', 'a: tru\nb: x\n', 'a: tru'],
    ['a scalar that would become null', 'a: nul\nb: x\n', 'a: nul', 'l'],
    ['a double-quoted scalar', 'a: "one"\nb: x\n', 'a: "one'],
    ['a single-quoted scalar', "a: 'one'\nb: x\n", "a: 'one"],
    ['a plain scalar with blanks', 'a: one two\nb: x\n', 'a: one two'],
    ['a plain scalar over lines', 'a: one\n  two\nb: x\n', 'a: one'],
    ['a block scalar', 'a: |\n  one\nb: x\n', '  one'],
    ['a flow collection', 'a: [one, two]\nb: x\n', 'a: [one'],
    ['an anchored scalar', 'a: &x one\nb: *x\n', 'a: &x one'],
    ['a tagged scalar', 'a: !!str one\nb: x\n', 'a: !!str one'],
    ['the first character', 'a: one\nb: x\n', 'a: '],
    ['a section with errors', 'a: one\n b: 2\nc: [\n', 'a: one'],
  ];
  for (const [what, section, marker, typedCharacter = 'e'] of declines) {
    it(`declines ${what}`, () => {
      const at = section.indexOf(marker) + marker.length;
      const typed = section.slice(0, at) + typedCharacter + section.slice(at);
      assert.equal(parseAfterScalarEdit(section, parse(section), typed), undefined);
      assert.equal(parseAfterScalarEdit(typed, parse(typed), section), undefined, 'deleting it');
    });
  }

  it('declines characters YAML reads as syntax, and edits of more than one character', () => {
    const section = 'a: one\nb: two\n';
    const doc = parse(section);
    for (const other of ['a: one:\nb: two\n', 'a: one#\nb: two\n', 'a: one,\nb: two\n', 'a: on e\nb: two\n', 'a: onexx\nb: two\n', 'a: on\nb: tw\n']) {
      assert.equal(parseAfterScalarEdit(section, doc, other), undefined, JSON.stringify(other));
    }
    // A deletion that leaves `nginx:` before the line break would make a key.
    const tag = 'image: nginx:1\nb: x\n';
    assert.equal(parseAfterScalarEdit(tag, parse(tag), 'image: nginx:\nb: x\n'), undefined);
    assert.ok(isScalar(parse(tag).getIn(['image'], true)));
  });
});
