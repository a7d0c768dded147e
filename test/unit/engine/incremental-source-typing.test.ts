import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze, type RuleSet } from '../../../server/src/engine';
import { TypedDocument } from '../../support/typed-document';
import { parseText } from '../../../server/src/engine/parsers/text';
import { looksGenerated } from '../../../server/src/engine/templates/text/call-tuples';
import { FileWindows, WINDOWED_MIN_LENGTH } from '../../../server/src/engine/text-windows';
import { builtinPackRoot, loadRuleSet } from '../../../server/src/node/rule-packs';
import { SectionParseCache } from '../../../server/src/lsp/section-parse-cache';
import { sourceText } from '../../bench/generate';
import { SeededRandom } from '../../bench/random';
import { SECRETS_CORPUS, corpusFiles } from '../../support/secrets-corpus';
import { ANALYSIS_NOW } from '../../support/open-dockerfile';

// Keystrokes in a large source file as the editor sends them (EditableDocument, one cache per document):
// text rules run on windows whose reports are kept and moved with the text below an edit, findings are
// moved with them (finding-memo.ts), and the private-key rules read the whole file through their own
// marker scan. After every keystroke the cached analysis must equal a fresh one, finding for finding:
// characters typed and deleted inside a secret value, inside a private key block, Enter and Backspace
// at line ends above many findings, and in a Java file typing inside a constructor declaration.

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** A PEM block of random base64 (no key of anyone's), which the private-key rule reports. */
function pemBlock(rng: SeededRandom): string {
  const body = Array.from({ length: 12 }, () => rng.chars(B64, 64));
  return ['-----BEGIN RSA PRIVATE KEY-----', ...body, '-----END RSA PRIVATE KEY-----'].join('\n');
}

/** Where the editor's chunks of the text start (text-windows.ts), as a TypeScript file's windows cut it. */
function chunkStarts(text: string): Set<number> {
  return new Set(new FileWindows(parseText(text, 'file:///work/src/tuples.ts'), new SectionParseCache(), new Map()).chunks().map((c) => c.start));
}

describe('keystrokes in a large source file equal a fresh analysis at each keystroke', function () {
  this.timeout(300_000);
  let ruleSet: RuleSet;

  before(function () {
    ruleSet = loadRuleSet([builtinPackRoot()]).ruleSet;
  });

  it('a generated TypeScript file with a private key: in secret values, in the key block, Enter and Backspace', () => {
    const rng = new SeededRandom(5);
    const generated = sourceText(new SeededRandom(20261206), 'ts', 2 * WINDOWED_MIN_LENGTH);
    const third = generated.indexOf('\n', generated.length / 3) + 1;
    const doc = new TypedDocument('file:///work/src/big.ts', generated.slice(0, third) + pemBlock(rng) + '\n' + generated.slice(third), ruleSet);
    const initial = doc.text;
    // In the values of secrets spread over the file (the generator writes them as `const name = '…';`).
    const values = [...initial.matchAll(/^ {2}const \w+ = '/gm)].map((m) => (m.index ?? 0) + m[0].length);
    assert.ok(values.length > 20, `secrets to type in, got ${values.length}`);
    for (const at of [values[0], values[Math.floor(values.length / 2)], values[values.length - 1]]) {
      doc.typeAndDelete(at + 3, 'x=', 'inside a secret value');
      doc.typeAndDelete(at - 4, ' ', 'before a secret value');
    }
    // Inside the private key block: its body, then its BEGIN marker broken and mended.
    const begin = doc.text.indexOf('-----BEGIN RSA');
    doc.typeAndDelete(doc.text.indexOf('\n', begin) + 20, 'Q', 'inside the key body');
    doc.typeAndDelete(begin + 7, 'x', 'inside the BEGIN marker');
    // Enter and Backspace at line ends near the top, the middle and the end: every window below moves.
    for (const fraction of [0.01, 0.5, 0.97]) {
      const lineEnd = doc.text.indexOf('\n', Math.floor(doc.text.length * fraction));
      doc.type(lineEnd, lineEnd, '\n', `Enter at ${fraction}`);
      doc.type(lineEnd, lineEnd, '\n', `a second Enter at ${fraction}`);
      doc.type(lineEnd + 1, lineEnd + 2, '', `Backspace at ${fraction}`);
      doc.type(lineEnd, lineEnd + 1, '', `a second Backspace at ${fraction}`);
    }
    assert.equal(doc.text, initial, 'every edit undone');
    assert.ok(doc.compared > 1000, `findings compared: ${doc.compared}`);
  });

  // Credential tuples have no keyword near them: the generic rule's whole-file step reads them per chunk of
  // the file and keeps each chunk's tuples (call-tuple-chunks.ts). One call is placed across a chunk cut,
  // its second argument's match starting in one chunk and ending in the next, over a comment line that
  // holds a call of its own: read from the chunk's start rather than where the match ended, that comment
  // would give a tuple and the literal under it none.
  it('a generated TypeScript file with credential tuples: in a literal, between arguments, across a chunk cut, Enter, Backspace, a pasted line', () => {
    const rng = new SeededRandom(23);
    const generated = sourceText(new SeededRandom(20261207), 'ts', 2 * WINDOWED_MIN_LENGTH);
    const secret = () => {
      for (;;) {
        const value = rng.chars('ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789', 24);
        if (looksGenerated(value)) return value;
      }
    };
    const calls = [
      () => `  sftp.connect("ops@example.test", "${secret()}");\n`,
      () => `  const canvas = new Canvas(CANVAS_URL, '${secret()}');\n`,
      () => `  const auth = new AuthClient(\n    "0c9a4f2e-5b1d-4e8a-9f3c-2d7b6e1a8c40",\n    "${secret()}");\n`,
    ];
    const lines = generated.split(/(?<=\n)/);
    const withTuples = lines.map((line, i) => (i > 0 && i % 97 === 0 && line.startsWith('  const ') ? calls[i % calls.length]() + line : line)).join('');
    // A call whose first line ends a chunk. Placed before the last line of a chunk long enough to be cut after the call's first line.
    const starts = [...chunkStarts(withTuples)].sort((a, b) => a - b);
    const chunkEnd = starts.find((start, i) => i > 0 && start > withTuples.length / 3 && start - starts[i - 1] > 4400) ?? 0;
    const at = withTuples.lastIndexOf('\n', chunkEnd - 2) + 1;
    let text = withTuples;
    let cut = -1;
    for (let k = 0; cut < 0 && k < 400; k++) {
      // The cut hashes the line's last characters: blanks after the comma vary them.
      const first = `  client.connect("ops@example.test",${[...k.toString(2)].map((b) => (b === '1' ? '\t' : ' ')).join('')}\n`;
      text = withTuples.slice(0, at) + first + `    // was connect("admin@example.org", "${secret()}")\n    "${secret()}");\n` + withTuples.slice(at);
      if (chunkStarts(text).has(at + first.length)) cut = at + first.length;
    }
    assert.ok(cut > 0, 'a call placed across a chunk cut');
    const doc = new TypedDocument('file:///work/src/tuples.ts', text, ruleSet);
    const initial = doc.text;
    // The tuples are found, by the generic rule, at each literal placed.
    const literals = [...initial.matchAll(/(?:example\.test",|CANVAS_URL,|8c40",)\s*["']/g)].map((m) => (m.index ?? 0) + m[0].length);
    const fresh = analyze({ uri: 'file:///work/src/tuples.ts', text: initial }, ruleSet, { now: ANALYSIS_NOW });
    const reported = new Set(fresh.findings.filter((f) => f.ruleId === 'secret-generic-password').map((f) => f.span.start));
    assert.ok(literals.length >= 10 && literals.every((l) => reported.has(l)), `every tuple literal reported (${literals.filter((l) => reported.has(l)).length} of ${literals.length})`);
    const belowCut = initial.indexOf('\n', cut) + 6;
    assert.ok(reported.has(belowCut) && !reported.has(initial.indexOf('"', initial.indexOf('admin@', cut) + 20) + 1), 'the literal under the comment reported, not the one in it');
    doc.typeAndDelete(belowCut + 9, 'x%', 'inside the literal after a chunk cut');
    doc.typeAndDelete(cut + 12, 'w', 'inside the comment after a chunk cut');
    doc.typeAndDelete(cut - 2, ' ', 'between the arguments of the call across a chunk cut');
    doc.typeAndDelete(cut - 20, 'q', 'inside the user before a chunk cut');
    for (const literal of [literals[0], literals[Math.floor(literals.length / 2)], literals[literals.length - 1]]) {
      doc.typeAndDelete(literal + 6, 'Z9', 'inside a tuple literal');
      doc.typeAndDelete(literal - 2, ' user,', 'between a tuple\'s arguments');
    }
    for (const offset of [cut - 1, doc.text.indexOf('\n', literals[1]), doc.text.indexOf('\n', doc.text.length / 2)]) {
      doc.type(offset, offset, '\n', 'Enter at a line end');
      doc.type(offset, offset + 1, '', 'Backspace at a line end');
    }
    // A tuple line pasted into another function, then cut again.
    const lineStart = doc.text.lastIndexOf('\n', literals[2]) + 1;
    const line = doc.text.slice(lineStart, doc.text.indexOf('\n', literals[2]) + 1);
    const target = doc.text.indexOf('\n  const ', doc.text.length * 0.8) + 1;
    doc.type(target, target, line, 'a tuple line pasted');
    doc.type(target, target + line.length, '', 'the pasted tuple line cut');
    assert.equal(doc.text, initial, 'every edit undone');
    assert.ok(doc.compared > 1000, `findings compared: ${doc.compared}`);
  });

  it('a large Java file made of the corpus: inside a constructor declaration and a construction, Enter and Backspace', () => {
    const files = corpusFiles().filter((f) => f.startsWith('java/'));
    const parts: string[] = [];
    for (let i = 0, size = 0; size < WINDOWED_MIN_LENGTH + 16 * 1024; i++) {
      const text = fs.readFileSync(path.join(SECRETS_CORPUS, files[i % files.length]), 'utf8');
      parts.push(text.endsWith('\n') ? text : text + '\n');
      size += text.length + 1;
    }
    const doc = new TypedDocument('file:///work/src/Big.java', parts.join(''), ruleSet);
    const initial = doc.text;
    // A constructor or record declaration whose parameters the generic rule reads at each construction.
    const declaration = /^[ \t]*(?:public |private )?(?:record )?[A-Z]\w*\([^)\n]*\bString \w*(?:[Ss]ecret|[Kk]ey|[Tt]oken|[Pp]assword)\b/m.exec(initial);
    assert.ok(declaration, 'a declaration with a secret-named parameter in the corpus');
    const parameter = declaration.index + declaration[0].length - 2;
    doc.typeAndDelete(parameter, 'Zz', 'inside a parameter name of a declaration');
    const construction = initial.indexOf('new ', declaration.index + declaration[0].length);
    doc.typeAndDelete(construction + 4, 'X', 'inside a construction');
    const middle = doc.text.indexOf('\n', doc.text.length / 2);
    doc.type(middle, middle, '\n', 'Enter in the middle');
    doc.type(middle, middle + 1, '', 'Backspace in the middle');
    assert.equal(doc.text, initial, 'every edit undone');
    assert.ok(doc.compared > 100, `findings compared: ${doc.compared}`);
  });
});
