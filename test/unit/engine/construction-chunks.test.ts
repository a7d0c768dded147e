import * as assert from 'node:assert/strict';
import { chunkResults } from '../../../server/src/engine/chunk-results';
import { matchEnds, matchStarts, PATTERN_CHUNKS } from '../../../server/src/engine/templates/text/construction-chunks';
import { ENUM_WORD } from '../../../server/src/engine/templates/text/positional-records';
import { SectionParseCache } from '../../../server/src/lsp/section-parse-cache';
import type { Span } from '../../../server/src/engine/types';
import { SeededRandom } from '../../bench/random';

// The whole-file step's construction and enum patterns read chunk by chunk in the editor
// (construction-chunks.ts): the matches, flattened over the chunks, must be the whole text's, wherever
// the chunks are cut (at a construction's line, an enum constant's line, after a CR or a CRLF).

/** The patterns positional-records.ts builds for a type `Rec`: `new`, a Kotlin call, and enum constants. */
const PATTERNS = [
  /\bnew[ \t]+Rec[ \t]*\(|\bRec\??[ \t]+\w+[ \t]*(?:\{[ \t]*get;[^{}\n]{0,40}\}[ \t]*)?=[ \t]*new[ \t]*\(/g,
  /(?<!(?:class|interface|fun)[ \t]+)\bRec[ \t]*\(/g,
  /(?:^|\n|\{)[ \t]*[A-Z][A-Z0-9_]*[ \t]*\(/g,
];
const LINES = ['new Rec("a", "b");', 'Rec r = new("a", "b");', 'class Rec(val k: String)', 'object X : Rec("a")', '  NORTH("a", "b"),', 'SOUTH ("c"),', 'enum class Rec(val key: String) {', 'enum Rec {', '{ EAST("d") }', 'renew Rec(', 'x = Rec("z")', ''];
const BREAKS = ['\n', '\n', '\n', '\r\n', '\r'];

/** Chunks cut at random line starts (after a LF or a CR), as the windows' chunking cuts at line starts. */
function randomCores(text: string, rng: SeededRandom): Span[] {
  const cores: Span[] = [];
  let start = 0;
  for (let i = 1; i < text.length; i++) {
    const lineStart = text[i - 1] === '\n' || (text[i - 1] === '\r' && text[i] !== '\n');
    if (lineStart && rng.next() < 0.4) {
      cores.push({ start, end: i });
      start = i;
    }
  }
  cores.push({ start, end: text.length });
  return cores;
}

describe('construction patterns read chunk by chunk', function () {
  it('find the whole text\'s matches, wherever the chunks are cut', function () {
    const rng = new SeededRandom(7);
    let matched = 0;
    for (let n = 0; n < 200; n++) {
      const text = rng.lines(LINES, BREAKS, 1, 12);
      const cores = randomCores(text, rng);
      const cache = new SectionParseCache();
      const chunks = chunkResults(text, cores, PATTERN_CHUNKS, cache, {});
      for (const pattern of PATTERNS) {
        const whole = [...text.matchAll(pattern)].map((m) => (m.index ?? 0) + m[0].length - 1);
        assert.deepEqual(matchEnds(chunks, pattern), whole, `${pattern.source} in ${JSON.stringify(text)}`);
        matched += whole.length;
      }
      const enums = [...text.matchAll(new RegExp(ENUM_WORD.source, 'g'))].map((m) => m.index ?? 0);
      assert.deepEqual(matchStarts(chunks, ENUM_WORD), enums, `enum in ${JSON.stringify(text)}`);
      // A line typed at a chunk's start: the chunks below are moved, not read again.
      const cut = rng.pick(cores);
      const typed = rng.pick(LINES) + '\n';
      const after = text.slice(0, cut.start) + typed + text.slice(cut.start);
      const moved = cores.map((c) => (c.start < cut.start ? c : c === cut ? { start: c.start, end: c.end + typed.length } : { start: c.start + typed.length, end: c.end + typed.length }));
      const again = chunkResults(after, moved, PATTERN_CHUNKS, cache, {});
      for (const pattern of PATTERNS) assert.deepEqual(matchEnds(again, pattern), [...after.matchAll(pattern)].map((m) => (m.index ?? 0) + m[0].length - 1), `${pattern.source} after typing in ${JSON.stringify(after)}`);
      assert.deepEqual(matchStarts(again, ENUM_WORD), [...after.matchAll(new RegExp(ENUM_WORD.source, 'g'))].map((m) => m.index ?? 0));
    }
    assert.ok(matched > 500, `matches compared: ${matched}`);
  });
});
