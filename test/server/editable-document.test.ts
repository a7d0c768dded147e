import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { EditableDocument } from '../../server/src/lsp/editable-document';

// The server's document store must agree with vscode-languageserver-textdocument on every edit an
// editor can send: the same text, positions and offsets (CRLF, lone CR, edits across chunk boundaries,
// ranges past the end of a line or of the file).

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 2 ** 32);
}

function baseText(random: () => number): string {
  const eols = ['\n', '\r\n', '\r'];
  const lines: string[] = [];
  for (let i = 0; i < 6000; i++) lines.push('x'.repeat(Math.floor(random() * 30)) + eols[random() < 0.8 ? 0 : random() < 0.7 ? 1 : 2]);
  return lines.join('');
}

describe('EditableDocument', () => {
  for (const seed of [1, 2, 3]) {
    it(`matches TextDocument over 400 random incremental edits (seed ${seed})`, () => {
      const random = rng(seed);
      const text = baseText(random);
      const ours = EditableDocument.create('file:///a', 'yaml', 1, text);
      const theirs = TextDocument.create('file:///a', 'yaml', 1, text);
      const inserts = ['', 'a', '\n', '\r\n', 'b\r', '\nc\n', 'long text '.repeat(200), '\n'.repeat(50)];
      for (let v = 2; v < 402; v++) {
        const lines = theirs.lineCount;
        const pos = () => ({ line: Math.floor(random() * (lines + 2)) - 1, character: Math.floor(random() * 40) });
        const start = pos();
        const end = random() < 0.5 ? start : random() < 0.8 ? { line: start.line + Math.floor(random() * 3), character: Math.floor(random() * 40) } : pos();
        const changes = [{ range: { start, end }, text: inserts[Math.floor(random() * inserts.length)] }];
        ours.update(changes, v);
        TextDocument.update(theirs, changes, v);
        if (v % 40 === 0 || v === 401) {
          // Positions first, while the whole text is not built: they come from the chunks' own breaks.
          assert.equal(ours.lineCount, theirs.lineCount);
          for (let k = 0; k < 50; k++) {
            const p = pos();
            assert.equal(ours.offsetAt(p), theirs.offsetAt(p), `offsetAt ${JSON.stringify(p)}`);
            const o = Math.floor(random() * (theirs.getText().length + 4)) - 2;
            assert.deepEqual(ours.positionAt(o), theirs.positionAt(o), `positionAt ${o}`);
          }
          for (let line = -1; line <= theirs.lineCount; line += Math.max(1, Math.floor(theirs.lineCount / 60))) {
            assert.deepEqual(ours.getLineRange(line), theirs.getLineRange(line), `getLineRange ${line}`);
          }
          assert.equal(ours.getText(), theirs.getText(), `text after edit ${v}`);
        }
      }
      assert.equal(ours.version, 401);
    });
  }

  it('edits an empty document, and one emptied by a change', () => {
    const doc = EditableDocument.create('file:///e', 'yaml', 1, '');
    doc.update([{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 5 } }, text: '' }], 2);
    assert.equal(doc.getText(), '');
    doc.update([{ text: '' }, { range: { start: { line: 3, character: 1 }, end: { line: 4, character: 0 } }, text: 'a\r\nb' }], 3);
    assert.equal(doc.getText(), 'a\r\nb');
    assert.deepEqual(doc.positionAt(4), { line: 1, character: 1 });
  });

  it('applies a full-text change and several changes of one notification in order', () => {
    const doc = EditableDocument.create('file:///b', 'dockerfile', 1, 'FROM a\nRUN b\n');
    doc.update([{ text: 'one\ntwo\n' }, { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 3 } }, text: 'TWO' }, { range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: 'three' }], 2);
    assert.equal(doc.getText(), 'one\nTWO\nthree');
    assert.equal(doc.getText({ start: { line: 1, character: 1 }, end: { line: 2, character: 2 } }), 'WO\nth');
    assert.deepEqual(doc.getLineRange(1), { start: { line: 1, character: 0 }, end: { line: 1, character: 3 } });
    assert.equal(doc.getEOLCharacters(0), '\n');
  });

  // Texts of a megabyte and more are joined through a Buffer (lsp/flat-text.ts), one byte per character
  // while every chunk is ASCII, two otherwise: typing non-ASCII text in and out must keep every character.
  it('keeps every character of a text over 1 MB as ASCII, accented letters, emoji and lone surrogates come and go', () => {
    const random = rng(9);
    const line = (i: number) => `  key-${i}: "value ${Math.floor(random() * 1e6)}"\n`;
    const text = Array.from({ length: 40_000 }, (_, i) => line(i)).join('');
    assert.ok(text.length > 1024 * 1024);
    const ours = EditableDocument.create('file:///big.yaml', 'yaml', 1, text);
    const theirs = TextDocument.create('file:///big.yaml', 'yaml', 1, text);
    const inserts = [' ', 'é', '\u{1F600}', '\uD800', 'x\uDC00y', '', 'plain\n'];
    for (let v = 2; v < 40; v++) {
      const at = { line: Math.floor(random() * theirs.lineCount), character: Math.floor(random() * 12) };
      // Every other edit deletes what is there (a non-ASCII character typed before, often).
      const end = v % 2 === 0 ? at : { line: at.line, character: at.character + 2 };
      const changes = [{ range: { start: at, end }, text: inserts[v % inserts.length] }];
      ours.update(changes, v);
      TextDocument.update(theirs, changes, v);
      assert.equal(ours.getText(), theirs.getText(), `text after edit ${v}`);
      // The size limit reads it at each analysis (bulwark.maxFileSize is in UTF-8 bytes).
      assert.equal(ours.utf8Length(), Buffer.byteLength(theirs.getText(), 'utf8'), `UTF-8 length after edit ${v}`);
    }
    assert.ok(/[^\x00-\x7f]/.test(ours.getText()), 'non-ASCII text was left in the document');
    // Back to ASCII only, through a full-text change, then typed into.
    const changes = [{ text }, { range: { start: { line: 5, character: 0 }, end: { line: 5, character: 0 } }, text: '#' }];
    ours.update(changes, 40);
    TextDocument.update(theirs, changes, 40);
    assert.equal(ours.getText(), theirs.getText());
    assert.equal(ours.utf8Length(), ours.getText().length);
  });
});
