import * as assert from 'node:assert/strict';
import { analyze } from '../../../server/src/engine';
import { capLongLines, MAX_DOCKERFILE_LINE_LENGTH } from '../../../server/src/engine/line-cap';
import { builtinPackRoot, loadRuleSet } from '../../../server/src/node/rule-packs';

// A line of megabytes is not handed to the Dockerfile parser and rules (issue 11, item 12), and it
// must not hide the instructions around it.

const { ruleSet } = loadRuleSet([builtinPackRoot()]);

describe('capLongLines', () => {
  it('blanks an over-long line, keeping offsets, the keyword and a trailing continuation', () => {
    const text = `FROM a\r\nRUN ${'x'.repeat(30)} \\\n  && true\n`;
    const capped = capLongLines(text, 20);
    assert.equal(capped.text.length, text.length);
    assert.equal(capped.text, `FROM a\r\nRUN${' '.repeat(32)}\\\n  && true\n`);
    assert.deepEqual(capped.notices, [{ code: 'parse-error', span: { start: 8, end: 11 }, message: 'Line 2 is longer than 20 characters: the Dockerfile checks skipped it (secret checks still read it).' }]);
    assert.equal(capLongLines('FROM a\nRUN b\n', 20).text, 'FROM a\nRUN b\n');
  });

  it('a huge RUN line neither hides the next instruction nor its secrets', () => {
    const token = 'ghp_16C7e42F292c6912E7710c838347Ae178B4a';
    const text = `FROM alpine:3.19\nRUN echo ${token} ${'&& echo a '.repeat(MAX_DOCKERFILE_LINE_LENGTH / 10)}\nRUN curl -fsSL https://example.com/install.sh | sh\n`;
    const result = analyze({ uri: 'Dockerfile', text }, ruleSet, { now: new Date('2026-06-01T00:00:00Z') });
    // The blanked instruction is still longer than the shell reader reads in full: both say so.
    assert.deepEqual(result.notices.map((n) => [n.code, n.span?.start]), [['parse-error', 17], ['script-too-complex', 17]]);
    assert.ok(result.findings.some((f) => f.ruleId === 'docker-remote-script-piped-to-shell' && text.slice(f.span.start).startsWith('curl')), 'the next instruction is checked');
    assert.ok(result.findings.some((f) => f.ruleId === 'secret-github-token'), 'the secret on the long line is still found');
  });
});
