import * as assert from 'node:assert/strict';
import { jsonTerminalSafe, terminalSafe, terminalSafeLines } from '../../server/src/cli/terminal-text';

describe('bulwark CLI: terminal-safe text', () => {
  it('escapes C0, DEL, C1, line separators and bidi controls, and nothing else', () => {
    assert.equal(terminalSafe('a\nb\rc\td'), 'a\\nb\\rc\\td');
    assert.equal(terminalSafe('\u001b[2J\u0007\u0000\u007f\u009b\u0085'), '\\x1b[2J\\x07\\x00\\x7f\\x9b\\x85');
    assert.equal(terminalSafe('\u202e\u202a\u2066\u2069\u200e\u200f\u061c\u2028\u2029'), '\\u202e\\u202a\\u2066\\u2069\\u200e\\u200f\\u061c\\u2028\\u2029');
    const harmless = 'C:\\dir\\naïve café — 日本 😀 "q" ${x}';
    assert.equal(terminalSafe(harmless), harmless);
  });

  it('keeps the line breaks of multi-line text and escapes a CR inside a line', () => {
    assert.equal(terminalSafeLines('one\r\ntwo\u001b[1m\nthree'), 'one\\r\ntwo\\x1b[1m\nthree');
  });

  it('JSON stays equal after escaping what JSON.stringify leaves raw', () => {
    const value = { s: 'x\u009b31m\u202e\u2028\u007f\n\u001b' };
    const safe = jsonTerminalSafe(JSON.stringify(value));
    assert.deepEqual(JSON.parse(safe), value);
    assert.doesNotMatch(safe, /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e]/);
  });
});
