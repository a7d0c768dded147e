import * as assert from 'node:assert/strict';
import { shannonEntropy } from '../../../server/src/engine/text';

// The entropy floor decides which values are reported: the ASCII fast path (typed counts, no Map)
// must give the very number the Map-based sum gives, to the last bit, or findings would move.

function byMap(value: string): number {
  if (value.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const ch of value) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) {
    const p = n / value.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

/** A small deterministic generator (mulberry32), so a failure names its input. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('shannonEntropy', () => {
  it('gives the Map-based sum bit for bit on ASCII values of every length and alphabet', () => {
    const next = random(8);
    const alphabets = ['ab', '0123456789abcdef', 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=', ' !"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~\t\u007f'];
    for (let n = 0; n < 2000; n++) {
      const alphabet = alphabets[n % alphabets.length];
      const length = 1 + Math.floor(next() * 90);
      let value = '';
      for (let i = 0; i < length; i++) value += alphabet[Math.floor(next() * alphabet.length)];
      assert.equal(Object.is(shannonEntropy(value), byMap(value)), true, JSON.stringify(value));
    }
  });

  it('counts code points as before when a value is not ASCII', () => {
    for (const value of ['p\u00e4ssw\u00f6rd', 'ключ-секрет', 'a\u{1f600}b\u{1f600}', '\u00ff\u0080x']) {
      assert.equal(Object.is(shannonEntropy(value), byMap(value)), true, value);
    }
    assert.equal(shannonEntropy(''), 0);
    assert.equal(shannonEntropy('aaaa'), 0);
    assert.equal(shannonEntropy('ab'), 1);
  });
});
