import * as assert from 'node:assert/strict';
import { codePointEntropy, shannonEntropy } from '../../../server/src/engine/text';
import { SeededRandom } from '../../bench/random';

// The entropy floor decides which values are reported: the ASCII fast path (typed counts, no Map)
// must give the very number the general Map-based sum (codePointEntropy) gives, to the last bit, or
// findings would move.

describe('shannonEntropy', () => {
  it('gives the general sum bit for bit on ASCII values of every length and alphabet', () => {
    const rng = new SeededRandom(8);
    const alphabets = ['ab', '0123456789abcdef', 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=', ' !"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~\t\u007f'];
    for (let n = 0; n < 2000; n++) {
      const alphabet = alphabets[n % alphabets.length];
      const length = 1 + Math.floor(rng.next() * 90);
      let value = '';
      for (let i = 0; i < length; i++) value += alphabet[Math.floor(rng.next() * alphabet.length)];
      assert.equal(Object.is(shannonEntropy(value), codePointEntropy(value)), true, JSON.stringify(value));
    }
  });

  it('counts code points as before when a value is not ASCII', () => {
    for (const value of ['p\u00e4ssw\u00f6rd', 'ключ-секрет', 'a\u{1f600}b\u{1f600}', '\u00ff\u0080x']) {
      assert.equal(Object.is(shannonEntropy(value), codePointEntropy(value)), true, value);
    }
    assert.equal(shannonEntropy(''), 0);
    assert.equal(shannonEntropy('aaaa'), 0);
    assert.equal(shannonEntropy('ab'), 1);
    assert.equal(shannonEntropy('ключ'), 2);
  });
});
