import * as assert from 'node:assert/strict';
import { editPoints } from './edit-points';
import { keystrokesAt, typingPoints } from './keystrokes';
import { valueColumn } from './value-columns';

// Word typing goes inside values, one character per keystroke, and leaves the text as it was.

/** Applies single-line LSP changes to `text`. */
function apply(text: string, changes: ReturnType<typeof keystrokesAt>): string {
  const lines = text.split('\n');
  for (const c of changes) {
    const line = lines[c.range.start.line];
    lines[c.range.start.line] = line.slice(0, c.range.start.character) + c.text + line.slice(c.range.end.character);
  }
  return lines.join('\n');
}

describe('bench word typing', function () {
  it('finds the end of the value a user types into, on each kind of file', function () {
    const cases: [string, Parameters<typeof valueColumn>[1], string | undefined][] = [
      ['        image: nginx:1.25', 'yaml', '        image: nginx:1.25'],
      ['          value: "a b" # note', 'yaml', '          value: "a b'],
      ['        - --election-id=ingress', 'yaml', '        - --election-id=ingress'],
      ['      - name: app', 'yaml', '      - name: app'],
      ['      containers:', 'yaml', undefined],
      ['    script: |', 'yaml', undefined],
      ['# image: x', 'yaml', undefined],
      ['FROM alpine:3.20 AS build', 'dockerfile', 'FROM alpine:3.20'],
      ['    apk add --no-cache curl; \\', 'dockerfile', '    apk add --no-cache curl'],
      ['    make install && \\', 'dockerfile', '    make install'],
      ['ENV PATH="/opt/bin"', 'dockerfile', 'ENV PATH="/opt/bin'],
      ['CMD ["rabbitmq-server"]', 'dockerfile', 'CMD ["rabbitmq-server'],
      ['    ; \\', 'dockerfile', undefined],
      ['# a comment', 'dockerfile', undefined],
      ["  const url = get('a') ?? 'https://x';", 'source', "  const url = get('a') ?? 'https://x"],
      ['  const n = 1;', 'source', undefined],
      ["  // 'quoted' in a comment", 'source', undefined],
    ];
    for (const [line, kind, before] of cases) assert.equal(valueColumn(line, kind), before?.length, `${kind}: ${line}`);
  });

  it('types a word one character at a time, then deletes it with Backspace, back to the same text', function () {
    const text = 'kind: Pod\nspec:\n  containers:\n  - image: app:1\n';
    const point = editPoints(text, 'yaml', 10, 7, 'word').find((p) => p.line === 3);
    assert.deepEqual(point, { line: 3, character: '  - image: app:1'.length, place: 'last line' });
    const changes = keystrokesAt(point, 'word');
    assert.deepEqual(changes.map((c) => c.text), ['d', 'e', 'v', '', '', '']);
    assert.equal(apply(text, changes.slice(0, 3)), 'kind: Pod\nspec:\n  containers:\n  - image: app:1dev\n');
    assert.equal(apply(text, changes.slice(0, 5)), 'kind: Pod\nspec:\n  containers:\n  - image: app:1d\n');
    assert.equal(apply(text, changes), text);
  });

  it('spreads word points over value lines only, as many as the keystrokes need', function () {
    const text = ['apiVersion: v1', 'kind: Pod', 'spec:', '  containers:', ...Array.from({ length: 20 }, (_, i) => `  - image: app:${i}`), ''].join('\n');
    const points = typingPoints(text, 'yaml', 30, 'word');
    assert.equal(points.length, 5);
    for (const p of points) assert.notEqual(valueColumn(text.split('\n')[p.line], 'yaml'), undefined);
    assert.deepEqual(points.slice(0, 2).map((p) => [p.line, p.character]), [[0, 'apiVersion: v1'.length], [23, '  - image: app:19'.length]]);
    assert.equal(typingPoints(text, 'yaml', 30, 'space').length, 15);
  });
});
