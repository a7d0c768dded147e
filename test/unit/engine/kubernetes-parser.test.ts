import * as assert from 'node:assert/strict';
import { DocumentParseCache, parseKubernetes, splitDocuments } from '../../../server/src/engine/parsers/kubernetes';

describe('splitDocuments', () => {
  it('splits on --- lines and keeps absolute bases', () => {
    const text = 'a: 1\n---\nb: 2\n--- # c\nc: 3\n';
    const chunks = splitDocuments(text);
    assert.deepEqual(chunks.map((c) => c.text), ['a: 1\n', '---\nb: 2\n', '--- # c\nc: 3\n']);
    for (const c of chunks) assert.equal(text.slice(c.base, c.base + c.text.length), c.text);
  });

  it('does not split on --- inside a line or a longer dash run', () => {
    assert.equal(splitDocuments('a: "---"\n----\nb: 1\n').length, 1);
  });

  it('handles CRLF document markers', () => {
    assert.equal(splitDocuments('a: 1\r\n---\r\nb: 2\r\n').length, 2);
  });
});

describe('parseKubernetes', () => {
  const pod = (name: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  containers: []\n`;

  it('reads each document as its own object with absolute offsets', () => {
    const text = `${pod('one')}---\n${pod('two')}`;
    const model = parseKubernetes(text);
    assert.deepEqual(model.objects.map((o) => o.name), ['one', 'two']);
    const second = model.objects[1];
    const range = second.node.range;
    assert.ok(range);
    assert.equal(text.slice(second.document.base + range[0], second.document.base + range[0] + 10), 'apiVersion');
  });

  it('expands kind: List items into objects', () => {
    const text = 'apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: Pod\n    metadata: {name: a}\n  - apiVersion: v1\n    kind: Service\n    metadata: {name: b}\n';
    assert.deepEqual(parseKubernetes(text).objects.map((o) => `${o.kind}/${o.name}`), ['Pod/a', 'Service/b']);
  });

  it('marks Helm template sections instead of parsing them', () => {
    const model = parseKubernetes(`${pod('ok')}---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: {{ .Release.Name }}\n`);
    assert.deepEqual(model.documents.map((d) => d.templated), [false, true]);
    assert.equal(model.objects.length, 1);
  });

  it('parses no tree for a section of blanks, comments and bare markers, and one for any content', () => {
    const text = `${pod('a')}---\n# only a comment\r\n\n   \n---\n  # indented comment\n--- # marker comment\n---\nx: 1\n`;
    const model = parseKubernetes(text);
    assert.deepEqual(
      model.documents.map((d) => d.doc !== undefined),
      [true, false, false, true, true],
    );
    assert.equal(model.documents[2].text, '---\n  # indented comment\n');
  });

  it('keeps a broken document out of the objects and records its error with an absolute span', () => {
    const text = `${pod('ok')}---\nkind: Pod\n\tbad: [\n`;
    const model = parseKubernetes(text);
    assert.equal(model.objects.length, 1);
    const errors = model.documents[1].errors;
    assert.ok(errors.length > 0);
    assert.ok(errors[0].span.start >= model.documents[1].base);
  });

  it('re-parses only the sections whose text changed', () => {
    const cache = new DocumentParseCache();
    const first = parseKubernetes(`${pod('a')}---\n${pod('b')}`, cache);
    const second = parseKubernetes(`${pod('a')}---\n${pod('c')}`, cache);
    assert.equal(second.documents[0].doc, first.documents[0].doc, 'unchanged section reused');
    assert.notEqual(second.documents[1].doc, first.documents[1].doc);
  });

  it('evicts the least recently used sections beyond its capacity', () => {
    const cache = new DocumentParseCache(2);
    cache.set('a', 1);
    cache.set('b', 2);
    cache.get('a');
    cache.set('c', 3);
    assert.equal(cache.get('b'), undefined);
    assert.equal(cache.get('a'), 1);
  });
});

describe('parseKubernetes: only the kinds rules read are parsed', () => {
  const crd = 'apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: x\nspec:\n\tbroken: [tab]\n';
  const pod = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers: []\n';
  const wanted = new Set(['Pod']);

  it('skips a section of another kind: no tree, no objects, no syntax errors', () => {
    const model = parseKubernetes(`${crd}---\n${pod}`, undefined, undefined, wanted);
    assert.deepEqual(model.documents.map((d) => [d.skipped, d.doc !== undefined, d.errors.length]), [[true, false, 0], [false, true, 0]]);
    assert.deepEqual(model.objects.map((o) => o.kind), ['Pod']);
  });

  it('parses every section when no set is given, and when the header is unsure', () => {
    assert.equal(parseKubernetes(crd).documents[0].errors.length > 0, true);
    const unsure = ['{apiVersion: v1, kind: Service}\n', 'apiVersion: v1\nkind: Service\nkind: Pod\n', 'apiVersion: v1\nkind: List\nitems:\n- {apiVersion: v1, kind: Pod}\n'];
    for (const text of unsure) assert.equal(parseKubernetes(text, undefined, undefined, wanted).documents[0].skipped, false, text);
  });

  it('parses a cached skipped section later when a rule starts reading its kind', () => {
    const cache = new DocumentParseCache();
    assert.equal(parseKubernetes(crd, cache, undefined, wanted).documents[0].doc, undefined);
    assert.ok(parseKubernetes(crd, cache, undefined, new Set(['CustomResourceDefinition'])).documents[0].doc);
  });

  it('counts a top-level kind line after any line break, with blanks before its colon', () => {
    const twoKinds = ['apiVersion: v1\nkind: Service\rkind: Pod\n', 'apiVersion: v1\nkind: Service\u2028kind: Pod\n', 'apiVersion: v1\nkind: Service\nkind \t: Pod\n', 'kind: Service\nkind: Pod\n'];
    for (const text of twoKinds) assert.equal(parseKubernetes(text, undefined, undefined, wanted).documents[0].skipped, false, JSON.stringify(text));
    const oneKind = 'apiVersion: v1\nkind: ConfigMap\nkinds: 1\nxkind: 2\nkind-of: 3\ndata:\n  a: kind\n';
    assert.equal(parseKubernetes(oneKind, undefined, undefined, wanted).documents[0].skipped, true);
  });

  it('reads a quoted kind and ignores indented or commented ones', () => {
    const quoted = 'apiVersion: v1\nkind: "ConfigMap"\ndata:\n  kind: Pod\n# kind: Pod\n';
    assert.equal(parseKubernetes(quoted, undefined, undefined, wanted).documents[0].skipped, true);
  });
});
