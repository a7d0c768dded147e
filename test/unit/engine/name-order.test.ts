import * as assert from 'node:assert/strict';
import { compareNames } from '../../../server/src/engine/name-order';

// compareNames stands in for localeCompare where names are sorted at start-up (pack files, rules,
// findings at one place): it must order every pair as English collation does.

function sign(n: number): number {
  return n < 0 ? -1 : n > 0 ? 1 : 0;
}

/** A deterministic pseudo-random sequence, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

describe('compareNames', () => {
  const english = (a: string, b: string) => sign(a.localeCompare(b, 'en'));

  it('orders random names of plain characters exactly as English collation does', () => {
    const next = random(7);
    const alphabets = ['_-./09azAZ', 'aAbB-', 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-./', 'rRuUlLeE.yml/'];
    const wrong: string[] = [];
    for (const alphabet of alphabets) {
      const name = () => Array.from({ length: Math.floor(next() * 7) }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
      for (let i = 0; i < 20_000; i++) {
        const a = name();
        const b = name();
        if (sign(compareNames(a, b)) !== english(a, b)) wrong.push(`${JSON.stringify(a)} vs ${JSON.stringify(b)}: ${compareNames(a, b)}, English ${english(a, b)}`);
      }
    }
    assert.deepEqual(wrong.slice(0, 10), []);
  });

  it('orders names with other characters by localeCompare itself', () => {
    for (const [a, b] of [
      ['é', 'f'],
      ['a b', 'a-b'],
      ['Ab~', 'ab~'],
      ['pack ü', 'pack u'],
    ]) {
      assert.equal(sign(compareNames(a, b)), english(a, b), `${a} vs ${b}`);
      assert.equal(sign(compareNames(b, a)), english(b, a), `${b} vs ${a}`);
    }
  });

  it('sorts a pack folder as localeCompare does: case, punctuation and prefixes', () => {
    const names = ['rule.yaml', 'README.md', 'tests', 'rule.yml', 'Rule.yaml', 'a_b', 'a-b', 'a.b', 'a/b', 'a0', 'ab', 'A', 'a', 'docker-user', 'dockerfile', 'docker_user'];
    assert.deepEqual([...names].sort(compareNames), [...names].sort((a, b) => a.localeCompare(b, 'en')));
  });
});
