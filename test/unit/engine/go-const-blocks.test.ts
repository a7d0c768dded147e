import * as assert from 'node:assert/strict';
import { goConstBlocks } from '../../../server/src/engine/templates/text/go-const-blocks';
import { linesOf } from '../../../server/src/engine/trim';
import { SeededRandom } from '../../bench/random';

// Whether a Go line is inside `const ( … )` decides whether a fix is offered there. The answer is found
// once per text (go-const-blocks.ts) rather than by reading the text above each finding again, and must be
// what that line-by-line reading gives, at every offset, quirks included.

/** The reading go-const-blocks.ts replaces: the lines above `offset`, read again for each question. */
function insideByLines(text: string, offset: number): boolean {
  const before = text.slice(0, offset);
  const opensBlock = linesOf(before).some((line) => /^\s*const\s*\(/.test(line) && !line.slice(line.indexOf('(')).includes(')'));
  const open = opensBlock ? before.lastIndexOf('const (') : -1;
  return open >= 0 && !linesOf(before.slice(open)).some((line) => line.trimStart().startsWith(')'));
}

/** Lines and line parts that open, close or look like a block, joined by each kind of line terminator. */
const PIECES = ['const (', 'const(', '  const (', 'const ( a = 1 )', 'const x = "v"', ')', '  )', '\t) // end', 'x := ")"', 'f(a)', 'var (', '', 'pass := "s3cr3t"', ' \u00a0)'];
const TERMINATORS = ['\n', '\n', '\n', '\r\n', '\r', '\u2028'];

describe('Go const blocks: the lines that open and close them found once', function () {
  it('answers inside and outside blocks as written', function () {
    const text = 'package main\nconst (\n\tKey = "a"\n)\nvar x = "b"\nconst (\n\tToken = "c"\n';
    const blocks = goConstBlocks(text);
    const lineStart = (needle: string) => text.indexOf(needle);
    assert.equal(blocks.inside(lineStart('\tKey')), true);
    assert.equal(blocks.inside(lineStart('var x')), false);
    assert.equal(blocks.inside(lineStart('\tToken')), true);
    assert.equal(blocks.inside(0), false);
  });

  it('gives the line-by-line answer at every offset of generated texts', function () {
    const rng = new SeededRandom(20261207);
    let insideCount = 0;
    let compared = 0;
    for (let n = 0; n < 300; n++) {
      const text = rng.lines(PIECES, TERMINATORS, 1, 14);
      const blocks = goConstBlocks(text);
      for (let offset = 0; offset <= text.length; offset++) {
        const expected = insideByLines(text, offset);
        assert.equal(blocks.inside(offset), expected, `${JSON.stringify(text)} at ${offset}`);
        if (expected) insideCount++;
        compared++;
      }
    }
    // Both answers occur often enough for the comparison to mean something.
    assert.ok(insideCount > 500 && compared - insideCount > 500, `inside ${insideCount} of ${compared}`);
  });
});
