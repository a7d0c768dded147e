import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DockerfileParser } from 'dockerfile-ast';
import { Parser } from 'dockerfile-ast/lib/parser';
import { parseDockerfileAst } from '../../../server/src/engine/parsers/dockerfile-ast-memo';
import type { ParseCache } from '../../../server/src/engine/types';
import { describeDockerfile, dockerfilesUnder } from '../../support/describe-dockerfile';
import { REALWORLD } from '../../support/shared-folder';

// With a cache, a parse reads again only the instructions an edit touched and moves the others
// (dockerfile-ast-reuse.ts). After each edit typed at every line of the rule fixtures (and of corpus
// files, when ../shared is present), one after the other into the same cache as the editor types, the
// parse must be dockerfile-ast's own, field for field (describeDockerfile).

const REPO = path.resolve(__dirname, '../../..');
const CORPUS = path.join(REALWORLD, 'dockerfiles');

/** One edit at a line: what replaces [from, to) of the text, as offsets from the line's start (past its end: its line break). */
type Edit = (line: string) => { readonly from: number; readonly to: number; readonly text: string };

/**
 * Typed at each line, in this order, each on the text the one before left: they add and remove
 * lines (Enter), open and close continuations and comments, start a heredoc, and change keywords.
 */
const EDITS: readonly [string, Edit][] = [
  ['a space at the end', (l) => ({ from: l.length, to: l.length, text: ' ' })],
  ['a letter in the middle', (l) => ({ from: l.length >> 1, to: l.length >> 1, text: 'w' })],
  ['Enter at the start', () => ({ from: 0, to: 0, text: '\n' })],
  ['Enter deleted', () => ({ from: 0, to: 1, text: '' })],
  ['Enter in the middle', (l) => ({ from: l.length >> 1, to: l.length >> 1, text: '\n' })],
  ['that Enter deleted', (l) => ({ from: l.length, to: l.length + 1, text: '' })],
  ['a backslash at the end', (l) => ({ from: l.length, to: l.length, text: ' \\' })],
  ['that backslash deleted', (l) => ({ from: l.length - 2, to: l.length, text: '' })],
  ['a # at the start', () => ({ from: 0, to: 0, text: '#' })],
  ['that # deleted', () => ({ from: 0, to: 1, text: '' })],
  ['a heredoc opened', (l) => ({ from: l.length, to: l.length, text: ' <<EOF' })],
  ['that heredoc deleted', (l) => ({ from: l.length - 6, to: l.length, text: '' })],
  ['the letter deleted', (l) => ({ from: (l.length - 1) >> 1, to: ((l.length - 1) >> 1) + 1, text: '' })],
  ['the line emptied', (l) => ({ from: 0, to: l.length, text: '' })],
];

/** The offset where line `n` starts, and the line's text (without its line break). */
function lineAt(text: string, n: number): { start: number; line: string } {
  let start = 0;
  for (let i = 0; i < n; i++) start = text.indexOf('\n', start) + 1;
  const end = text.indexOf('\n', start);
  return { start, line: text.slice(start, end < 0 ? text.length : end).replace(/\r$/, '') };
}

function mapCache(): ParseCache {
  const map = new Map<string, unknown>();
  return { get: (key) => map.get(key), set: (key, value) => void map.set(key, value) };
}

/** Types EDITS at every `every`-th line of `original`; each parse compared with a fresh one. Returns the parses compared. */
function sweep(original: string, name: string, every = 1): number {
  const cache = mapCache();
  let text = original;
  parseDockerfileAst(text, cache);
  let parses = 0;
  const lines = original.split('\n').length;
  for (let n = 0; n < lines; n += every) {
    // Each line's own edits start from the original text again (the cache holds the last parse).
    text = original;
    for (const [what, edit] of EDITS) {
      const { start, line } = lineAt(text, n);
      const { from, to, text: typed } = edit(line);
      text = text.slice(0, start + from) + typed + text.slice(start + to);
      const ours = describeDockerfile(parseDockerfileAst(text, cache));
      assert.deepEqual(ours, describeDockerfile(DockerfileParser.parse(text)), `${name}: line ${n + 1} after ${what}`);
      parses++;
    }
  }
  return parses;
}

describe('a parse with the last one cached reads only what an edit touched (dockerfile-ast-reuse.ts)', () => {
  it('equals a fresh parse after edits at every line of the Dockerfile rule fixtures', function () {
    this.timeout(300_000);
    const files = dockerfilesUnder(path.join(REPO, 'rules'));
    assert.ok(files.length >= 50, `only ${files.length} Dockerfiles found`);
    let parses = 0;
    for (const file of files) parses += sweep(fs.readFileSync(file, 'utf8'), path.relative(REPO, file));
    assert.ok(parses > 5000, `only ${parses} parses compared`);
  });

  it('equals a fresh parse after edits at lines of real-world Dockerfiles', function () {
    if (!fs.existsSync(CORPUS)) {
      console.log(`      skipped: the real-world corpus is absent (${CORPUS})`);
      this.skip();
    }
    this.timeout(300_000);
    // Every 30th file (in path order), every 9th line of each.
    const files = dockerfilesUnder(CORPUS).sort().filter((_, i) => i % 30 === 0);
    let parses = 0;
    for (const file of files) parses += sweep(fs.readFileSync(file, 'utf8'), path.relative(CORPUS, file), 9);
    assert.ok(parses > 1000, `only ${parses} parses compared`);
  });

  it('with CRLF line breaks, an escape directive and instructions that continue over comments', () => {
    const text = ['# escape=`', 'FROM alpine:3.20 AS build', 'RUN apk add curl `', '# a comment inside', '    git', 'COPY <<EOF /x', 'hello', 'EOF', 'ENV A=1 B=2', 'CMD ["sh"]', ''].join('\r\n');
    assert.ok(sweep(text, 'crlf') > 100);
  });

  it('reads again only the instruction a keystroke is in, whether lines were added above the rest or not', () => {
    const lines = ['FROM alpine:3.20'];
    for (let i = 0; i < 200; i++) lines.push(`RUN apk add --no-cache pkg${i} \\`, `    && echo ${i}`, `ENV N${i}=${i}`);
    const text = lines.join('\n') + '\n';
    const cache = mapCache();
    const proto = Parser.prototype as unknown as { processArguments: (...args: unknown[]) => number };
    const original = proto.processArguments;
    let reads = 0;
    proto.processArguments = function (this: unknown, ...args: unknown[]) {
      reads++;
      return original.apply(this, args);
    };
    try {
      parseDockerfileAst(text, cache);
      assert.equal(reads, 401, 'the first parse reads every instruction with arguments');
      // A space in a RUN reads that RUN; an empty line added above an ENV reads nothing (all 201 after it move).
      let edited = text;
      for (const [what, before, typed, expected] of [['a space', 'pkg100', ' ', 1], ['Enter', 'ENV N100=', '\n', 0]] as const) {
        const at = edited.indexOf(before);
        reads = 0;
        edited = edited.slice(0, at) + typed + edited.slice(at);
        const ours = parseDockerfileAst(edited, cache);
        assert.equal(reads, expected, `${what}: instructions read again`);
        assert.deepEqual(describeDockerfile(ours), describeDockerfile(DockerfileParser.parse(edited)), what);
      }
    } finally {
      proto.processArguments = original;
    }
  });
});
