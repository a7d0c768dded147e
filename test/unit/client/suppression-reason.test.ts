import * as assert from 'node:assert/strict';
import { anchorFrom, locateSuppressionReason } from '../../../client/src/suppression-reason';

function locate(text: string, anchor: unknown) {
  const lines = text.split('\n');
  const parsed = anchorFrom(anchor);
  assert.ok(parsed, 'anchor not understood');
  return locateSuppressionReason((i) => lines[i], lines.length, parsed);
}

describe('client: selecting the suppression reason', () => {
  const inserted = '# bulwark-ignore docker-image-latest-tag reason="" until=2026-03-01\nFROM node:latest\n';

  it('puts an empty selection between the quotes of reason="" on the anchored line', () => {
    const at = '# bulwark-ignore docker-image-latest-tag reason="'.length;
    assert.deepEqual(locate(inserted, { line: 0, character: at }), { start: { line: 0, character: at }, end: { line: 0, character: at } });
  });

  it('selects an existing reason, and finds the directive from a range or the line below it', () => {
    const text = 'a: 1\n  # bulwark-ignore k8s-privileged-container reason="draft"\n  privileged: true\n';
    const start = '  # bulwark-ignore k8s-privileged-container reason="'.length;
    const expected = { start: { line: 1, character: start }, end: { line: 1, character: start + 'draft'.length } };
    assert.deepEqual(locate(text, { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }), expected);
    assert.deepEqual(locate(text, { line: 2, character: 2 }), expected);
  });

  it('ignores reason="" that is not in a bulwark-ignore directive, and lines out of range', () => {
    assert.equal(locate('x = f(reason="")\nFROM node\n', { line: 0, character: 0 }), undefined);
    assert.equal(locate('FROM node\n', { line: 5, character: 0 }), undefined);
  });

  it('reads only well-formed anchors', () => {
    assert.equal(anchorFrom(undefined), undefined);
    assert.equal(anchorFrom({ line: '1', character: 0 }), undefined);
    assert.equal(anchorFrom({ start: { line: 1 }, end: { line: 1, character: 0 } }), undefined);
  });
});
