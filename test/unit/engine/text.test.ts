import * as assert from 'node:assert/strict';
import { LineIndex, applyEdits, applyFixes, mask } from '../../../server/src/engine';
import { fingerprint } from '../../../server/src/engine/fingerprint';
import { lengthOnly, shannonEntropy, unquotedSecret } from '../../../server/src/engine/text';

describe('LineIndex', () => {
  const cases: { name: string; text: string; offset: number; line: number; character: number }[] = [
    { name: 'LF', text: 'ab\ncd\n', offset: 4, line: 1, character: 1 },
    { name: 'CRLF counts \\r\\n as one break', text: 'ab\r\ncd\r\n', offset: 5, line: 1, character: 1 },
    { name: 'lone CR', text: 'ab\rcd', offset: 3, line: 1, character: 0 },
    { name: 'astral characters are two UTF-16 units', text: '😀x\ny', offset: 2, line: 0, character: 2 },
    { name: 'end of text', text: 'ab', offset: 2, line: 0, character: 2 },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const index = new LineIndex(c.text);
      assert.deepEqual(index.positionAt(c.offset), { line: c.line, character: c.character });
      assert.equal(index.offsetAt({ line: c.line, character: c.character }), c.offset);
    });
  }

  it('lineText excludes the line break', () => {
    const index = new LineIndex('one\r\ntwo\n');
    assert.equal(index.lineText(0), 'one');
    assert.equal(index.lineText(1), 'two');
    assert.equal(index.lineCount, 3);
  });

  it('offsetAt clamps a character past the end of its line', () => {
    assert.equal(new LineIndex('ab\ncd').offsetAt({ line: 0, character: 99 }), 2);
  });
});

describe('applyEdits / applyFixes', () => {
  it('applies non-overlapping edits in position order', () => {
    const result = applyEdits('hello world', [
      { span: { start: 6, end: 11 }, newText: 'there' },
      { span: { start: 0, end: 5 }, newText: 'HELLO' },
    ]);
    assert.deepEqual(result, { text: 'HELLO there', applied: 2 });
  });

  it('skips an edit that overlaps one already taken', () => {
    const result = applyEdits('abcdef', [
      { span: { start: 0, end: 3 }, newText: 'X' },
      { span: { start: 2, end: 4 }, newText: 'Y' },
    ]);
    assert.deepEqual(result, { text: 'Xdef', applied: 1 });
  });

  it('takes all edits of a fix or none', () => {
    const result = applyFixes('abcdef', [
      { title: 'a', kind: 'autofix', edits: [{ span: { start: 0, end: 1 }, newText: 'A' }] },
      { title: 'b', kind: 'autofix', edits: [{ span: { start: 0, end: 1 }, newText: 'Z' }, { span: { start: 5, end: 6 }, newText: 'F' }] },
    ]);
    assert.deepEqual(result, { text: 'Abcdef', applied: 1 });
  });
});

describe('mask', () => {
  it('keeps a public prefix and the length only', () => {
    assert.equal(mask('AKIAZ7EXAMPLEFAKE123'), 'AKIA…(20 chars)');
  });
  it('shows nothing of a short value', () => {
    assert.equal(mask('hunter2'), '…(7 chars)');
  });
  it('says "char" for one character, "chars" otherwise', () => {
    assert.deepEqual([0, 1, 2].map(lengthOnly), ['…(0 chars)', '…(1 char)', '…(2 chars)']);
    assert.equal(mask('x'), '…(1 char)');
  });
});

describe('unquotedSecret', () => {
  it('finds the value a message could echo inside a range written with quotes or as a YAML block', () => {
    assert.equal(unquotedSecret('"Wq4Zk7Rt2Lx9-pw"'), 'Wq4Zk7Rt2Lx9-pw');
    assert.equal(unquotedSecret("'Wq4Zk7Rt2Lx9-pw'"), 'Wq4Zk7Rt2Lx9-pw');
    assert.equal(unquotedSecret('|\n    Mv3Nb8Pc5-line\n'), 'Mv3Nb8Pc5-line');
    assert.equal(unquotedSecret('>-\r\n  first\r\n  second'), 'first\nsecond');
  });
  it('leaves other ranges as they are', () => {
    assert.equal(unquotedSecret('AKIAQ3ZL7W2XB5T4FAKE'), 'AKIAQ3ZL7W2XB5T4FAKE');
    assert.equal(unquotedSecret('"unbalanced'), '"unbalanced');
    assert.equal(unquotedSecret('|pipe-first-but-one-line'), '|pipe-first-but-one-line');
  });
});

describe('fingerprint', () => {
  it('ignores whitespace layout but not content', () => {
    assert.equal(fingerprint('r', 'a  b', '', 0), fingerprint('r', 'a b', '', 0));
    assert.notEqual(fingerprint('r', 'a b', '', 0), fingerprint('r', 'a c', '', 0));
    assert.notEqual(fingerprint('r', 'a b', '', 0), fingerprint('r', 'a b', '', 1));
  });
});

describe('shannonEntropy', () => {
  it('is 0 for a repeated character and higher for random-looking text', () => {
    assert.equal(shannonEntropy('aaaa'), 0);
    assert.ok(shannonEntropy('q8Zr3LmX0pWv') > 3.5);
  });
});
