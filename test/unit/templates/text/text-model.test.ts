import * as assert from 'node:assert/strict';
import { parseText } from '../../../../server/src/engine/parsers/text';
import { keywordSegments, LONG_LINE } from '../../../../server/src/engine/templates/text/keyword-segments';

describe('TextModel', () => {
  it('names the file and keeps the path with / separators, decoded', () => {
    const model = parseText('', 'file:///c%3A/work/my%20app/.env.local');
    assert.equal(model.fileName, '.env.local');
    assert.equal(model.path, 'file:///c:/work/my app/.env.local');
    assert.equal(parseText('', 'C:\\repo\\deploy\\Dockerfile').fileName, 'Dockerfile');
  });

  describe('keywordOffsets', () => {
    it('finds every keyword case-insensitively, sorted by offset', () => {
      const model = parseText('Token=1\npassword: x\nTOKEN again, PassWord', 'a.txt');
      assert.deepEqual(model.keywordOffsets(['password', 'token']), [0, 8, 20, 33]);
      assert.deepEqual(model.keywordOffsets(['token']), [0, 20]);
    });

    it('treats keywords as literals, not patterns', () => {
      const model = parseText('hooks.slack.com hooksXslackXcom', 'a.txt');
      assert.deepEqual(model.keywordOffsets(['hooks.slack.com', 'a+b']), [0]);
    });

    it('keeps offsets exact when lower-casing would lengthen the text (İ)', () => {
      const text = 'İİİ password';
      assert.equal(text.toLowerCase().length, text.length + 3, 'precondition: toLowerCase lengthens İ');
      assert.deepEqual(parseText(text, 'a.txt').keywordOffsets(['password']), [4]);
    });

    it('scans each keyword set once per file, whatever order the keywords come in', () => {
      const model = parseText('secret token', 'a.txt');
      assert.equal(model.keywordOffsets(['secret', 'token']), model.keywordOffsets(['token', 'secret']));
    });

    it('returns nothing for an empty keyword list', () => {
      assert.deepEqual(parseText('anything', 'a.txt').keywordOffsets([]), []);
    });
  });

  describe('keywordSegments', () => {
    it('covers each line with a hit once, merging neighbours', () => {
      const text = 'a\nkey=1 key=2\nb\nkey=3\nc\n';
      const model = parseText(text, 'a.txt');
      assert.deepEqual(keywordSegments(model, ['key']).map((s) => text.slice(s.start, s.end)), ['key=1 key=2', 'key=3']);
      assert.deepEqual(keywordSegments(model, ['key'], 1).map((s) => text.slice(s.start, s.end)), ['a\nkey=1 key=2\nb\nkey=3\nc']);
    });

    it('scans only a window around hits on a minified line', () => {
      const text = 'x'.repeat(LONG_LINE) + 'token=abc' + 'y'.repeat(LONG_LINE);
      const [segment] = keywordSegments(parseText(text, 'bundle.min.js'), ['token']);
      assert.ok(segment.end - segment.start < LONG_LINE, 'the window is shorter than the line');
      assert.ok(text.slice(segment.start, segment.end).includes('token=abc'));
    });
  });
});
