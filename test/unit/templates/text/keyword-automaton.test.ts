import * as assert from 'node:assert/strict';
import { KeywordAutomaton } from '../../../../server/src/engine/templates/text/keyword-automaton';

function occurrences(keywords: string[], text: string): string[] {
  const out: string[] = [];
  new KeywordAutomaton(keywords).scan(text, (k, start) => out.push(`${keywords[k]}@${start}`));
  return out.sort();
}

/** Every occurrence by brute force, case-insensitive over ASCII. */
function naive(keywords: string[], text: string): string[] {
  const lower = text.replace(/[A-Z]/g, (c) => c.toLowerCase());
  const out: string[] = [];
  for (const k of keywords) for (let at = lower.indexOf(k); at >= 0; at = lower.indexOf(k, at + 1)) out.push(`${k}@${at}`);
  return out.sort();
}

describe('KeywordAutomaton', () => {
  it('finds every occurrence, overlapping and nested ones too, ignoring ASCII case', () => {
    const keywords = ['xoxe.xoxb-', 'xoxb-', 'he', 'she', 'hers', 'sk_live_', 'k_l'];
    const text = 'USHERS token XOXE.XOXB-1 and sk_LIVE_abc; shers';
    assert.deepEqual(occurrences(keywords, text), naive(keywords, text));
    assert.ok(occurrences(keywords, text).includes('xoxb-@18'), 'a keyword inside another keyword’s occurrence');
  });

  it('matches the brute force on random text over a small alphabet', () => {
    let seed = 7;
    const rand = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
    const alphabet = 'abAB_-.:';
    const word = (len: number) => Array.from({ length: len }, () => alphabet[rand(alphabet.length)]).join('');
    for (let round = 0; round < 50; round++) {
      const keywords = [...new Set(Array.from({ length: 6 }, () => word(1 + rand(4)).toLowerCase()))];
      const text = word(200);
      assert.deepEqual(occurrences(keywords, text), naive(keywords, text), `round ${round}`);
    }
  });

  it('made again from its data (what the build ships) finds exactly what it finds', () => {
    const keywords = ['xoxe.xoxb-', 'xoxb-', 'he', 'she', 'hers', 'sk_live_', 'k_l', 'a', 'ab'];
    const text = 'USHERS token XOXE.XOXB-1 and sk_LIVE_abc; shers ab Ab';
    const data = JSON.parse(JSON.stringify(new KeywordAutomaton(keywords).toData())) as ReturnType<KeywordAutomaton['toData']>;
    const again: string[] = [];
    new KeywordAutomaton(keywords, data).scan(text, (k, start) => again.push(`${keywords[k]}@${start}`));
    assert.deepEqual(again.sort(), naive(keywords, text));
    assert.deepEqual(new KeywordAutomaton(keywords, data).toData(), data);
  });

  it('treats non-ASCII text as one class that no ASCII keyword matches', () => {
    assert.deepEqual(occurrences(['npm_'], 'ñpm_ nᴘm_ Npm_'), ['npm_@10']);
  });
});
