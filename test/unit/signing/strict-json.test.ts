import * as assert from 'node:assert/strict';
import { parseStrictJson } from '../../../server/src/node/signing/strict-json';

// The JSON grammar as JSON.parse reads it, except that a repeated key is an error.

describe('signing: strict JSON', () => {
  it('reads what JSON.parse reads', () => {
    const samples = ['{}', '[]', 'null', ' {"a" : [1, -2.5e3, true, false, null, "x\\u00e9\\n\\"q\\""], "b": {"c": {}}} ', '"\\ud83d\\ude00"', '0', '[[[]]]'];
    // Objects come back without a prototype, so they are compared as JSON.
    for (const text of samples) assert.equal(JSON.stringify(parseStrictJson(text)), JSON.stringify(JSON.parse(text)), text);
  });

  it('refuses a repeated key at any depth, and what JSON.parse refuses', () => {
    assert.throws(() => parseStrictJson('{"a":1,"a":1}'), /offset 10: duplicate key "a"/);
    assert.throws(() => parseStrictJson('{"x":{"b":1,"c":2,"b":3}}'), /duplicate key "b"/);
    assert.throws(() => parseStrictJson('{"a\\u0062":1,"ab":2}'), /duplicate key "ab"/);
    for (const bad of ['', '{', '{"a":1,}', '[1,]', "{'a':1}", '01', '"\t"', 'nul', '{"a":1}x', '1 2']) {
      assert.throws(() => JSON.parse(bad), SyntaxError, `JSON.parse accepts ${bad}`);
      assert.throws(() => parseStrictJson(bad), /invalid JSON at offset \d+/, bad);
    }
  });

  it('keeps "__proto__" as data, and limits nesting', () => {
    const doc = parseStrictJson('{"__proto__":{"polluted":1}}') as Record<string, unknown>;
    assert.deepEqual(Object.keys(doc), ['__proto__']);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.throws(() => parseStrictJson('['.repeat(100) + ']'.repeat(100)), /nesting too deep/);
  });
});
