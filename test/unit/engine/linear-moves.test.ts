import * as assert from 'node:assert/strict';
import { parseImageReference } from '../../../server/src/engine/images/reference';
import { parseKubernetes } from '../../../server/src/engine/parsers/kubernetes';
import { parseSuppressions } from '../../../server/src/engine/suppressions';
import { parsePath } from '../../../server/src/engine/templates/kubernetes/field-paths';
import { looksLikePlaceholder } from '../../../server/src/engine/templates/text/placeholders';
import { keyWords } from '../../../server/src/engine/templates/text/secret-key-names';
import { decodeBase64 } from '../../../server/src/engine/templates/text/secret-validators';
import { LineIndex } from '../../../server/src/engine/text';
import { isSpace, trailingWordStart, trimAround, trimEndOf, trimStartOf } from '../../../server/src/engine/trim';
import { hostKey } from '../../../server/src/node/registry/docker-credentials';

// Regexes V8 runs in quadratic time (regexp/no-super-linear-move): a long run the regex re-reads from each of
// its characters. They were rewritten as loops (engine/trim.ts) or with an attempt only at a run's start. The
// helpers must equal the regexes they replaced (checked on random strings over the characters that matter), and
// the entry points must give the ordinary answer on hostile inputs (no timing here: the lint rule keeps new
// ones out; before the rewrites each hostile input below took seconds).

const LONG = 100_000;

/** A small deterministic generator (mulberry32), so a failure names a string that can be replayed. */
function randomStrings(alphabet: string, maxLength: number, count: number, seed = 7): string[] {
  let state = seed;
  const next = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    let s = '';
    const length = Math.floor(next() * (maxLength + 1));
    for (let k = 0; k < length; k++) s += alphabet[Math.floor(next() * alphabet.length)];
    out.push(s);
  }
  return out;
}

function sameAsRegex(alphabet: string, viaRegex: (s: string) => unknown, viaLoop: (s: string) => unknown): void {
  for (const s of randomStrings(alphabet, 9, 20_000)) assert.deepEqual(viaLoop(s), viaRegex(s), JSON.stringify(s));
}

describe('trims and scans written as loops', () => {
  it('trimEndOf and trimStartOf remove what /[…]+$/ and /^[…]+/ removed', () => {
    sameAsRegex('a/ ', (s) => s.replace(/\/+$/, ''), (s) => trimEndOf(s, '/'));
    sameAsRegex('1.a', (s) => s.replace(/[\d.]+$/, ''), (s) => trimEndOf(s, '0123456789.'));
    sameAsRegex('<[(>]})a', (s) => s.replace(/^[<[{(]+|[>\]})]+$/g, ''), (s) => trimStartOf(trimEndOf(s, '>]})'), '<[{('));
  });

  it('trimAround removes what /^[lead]+|[tail]+$/g removed, also when the two sets overlap', () => {
    const lead = (c: string) => isSpace(c) || `"'\`+,`.includes(c);
    const tail = (c: string) => lead(c) || c === '\\';
    sameAsRegex(' "\\a,\n', (s) => s.replace(/^[\s"'`+,]+|[\s"'`+,\\]+$/g, ''), (s) => trimAround(s, lead, tail));
  });

  it('trailingWordStart is where /[\\w$]+$/ starts', () => {
    sameAsRegex('a$.1 -', (s) => s.search(/[\w$]+$/), trailingWordStart);
  });

  it('trims a long run followed by something else', () => {
    assert.equal(trimEndOf(`${'/'.repeat(LONG)}x${'/'.repeat(LONG)}`, '/'), `${'/'.repeat(LONG)}x`);
    assert.equal(trimAround(`${' '.repeat(LONG)}x${'\\'.repeat(LONG)}`, isSpace, (c) => c === '\\'), 'x');
  });
});

describe('entry points on inputs that made their regexes quadratic', () => {
  it('a Helm template mark is seen on any line, also in a file of bare \\r line breaks', () => {
    assert.equal(parseKubernetes('kind: Pod\nname: {{ .Values.name }}\n').documents[0].templated, true);
    assert.equal(parseKubernetes('kind: Pod\n# {{ not a template }}\n').documents[0].templated, false);
    assert.equal(parseKubernetes('kind: Pod\r# x\rname: {{ .Values.name }}\r').documents[0].templated, true);
    assert.equal(parseKubernetes(`kind: Pod\n${'\r'.repeat(LONG)}#{{\n`).documents[0].templated, false);
  });

  it('suppression attributes are read after a long one', () => {
    const text = `x = 1 # bulwark-ignore secret-generic-password ${'a'.repeat(LONG)}=1 reason="test fixture"\n`;
    const [directive] = parseSuppressions(text, new LineIndex(text), new Date('2026-06-01T00:00:00Z'));
    assert.equal(directive.reason, 'test fixture');
  });

  it('key names split at an upper-case run before a capitalised word, also a long one', () => {
    assert.deepEqual(keyWords('cléAPIKeyValue'), ['cl', 'api', 'key', 'value']);
    assert.deepEqual(keyWords(`é${'A'.repeat(LONG)}Key`), ['a'.repeat(LONG), 'key']);
  });

  it('placeholders in quotes or brackets, after long runs of them', () => {
    assert.equal(looksLikePlaceholder('"<changeme>"'), true);
    assert.equal(looksLikePlaceholder(`${'"'.repeat(LONG)}x`), false);
    assert.equal(looksLikePlaceholder(`${'<'.repeat(LONG)}changeme${'>'.repeat(LONG)}`), true);
  });

  it('base64 padding is trimmed once, also a long run of it', () => {
    assert.equal(decodeBase64('aGk='), 'hi');
    assert.equal(decodeBase64(`${'='.repeat(LONG)}x`), undefined);
  });

  it('field paths split on dots outside brackets, also after many unclosed brackets', () => {
    assert.deepEqual(parsePath('metadata.annotations.[a.b/*]'), [{ key: 'metadata' }, { key: 'annotations' }, { prefix: 'a.b/' }]);
    assert.equal(parsePath('[.'.repeat(LONG / 2)).length, LONG / 2);
  });

  it('credentials in an image reference are refused without echoing them, also after a long run of @', () => {
    const refused = (text: string) => { const r = parseImageReference(text); return !r.ok && r.error.includes('cannot carry credentials'); };
    assert.equal(refused('user:pass@registry.example/app:1'), true);
    assert.equal(refused('registry.example/app@sha256:' + 'a'.repeat(64)), false);
    assert.equal(refused(`${'@'.repeat(LONG)}\n/`), false);
  });

  it('a registry address loses its path, also after a long run of slashes before a line break', () => {
    assert.equal(hostKey('https://Registry.Example:5000/v2/'), 'registry.example:5000');
    assert.equal(hostKey(`${'/'.repeat(LONG)}\nhost`), `${'/'.repeat(LONG)}\nhost`);
  });
});
