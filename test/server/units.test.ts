import * as assert from 'node:assert/strict';
import { commentSyntaxFor } from '../../server/src/lsp/comment-syntax';
import { fixAll, minimalReplacement } from '../../server/src/lsp/fix-all';
import type { AnalysisResult } from '../../server/src/engine';

describe('server helpers', () => {
  describe('commentSyntaxFor', () => {
    const cases: [string | undefined, string, string | undefined][] = [
      ['dockerfile', 'file:///a/Dockerfile', '#'],
      [undefined, 'file:///a/Containerfile.dev', '#'],
      ['yaml', 'file:///a/x.yaml', '#'],
      [undefined, 'file:///a/.env.local', '#'],
      ['python', 'file:///a/x.py', '#'],
      [undefined, 'file:///a/pyproject.toml', '#'],
      ['typescript', 'file:///a/x.ts', '//'],
      [undefined, 'file:///a/main.go', '//'],
      [undefined, 'file:///a/Main.java', '//'],
      [undefined, 'file:///a/lib.rs', '//'],
      [undefined, 'file:///a/Program.cs', '//'],
      [undefined, 'file:///a/x.c', '//'],
      ['css', 'file:///a/x.css', '/*'],
      [undefined, 'file:///a/package.json', undefined],
      ['plaintext', 'file:///a/notes.txt', undefined],
    ];
    for (const [languageId, uri, open] of cases) {
      it(`${languageId ?? '(no language id)'} ${uri.split('/').pop() ?? ''} → ${open ?? 'none'}`, () => {
        assert.equal(commentSyntaxFor(languageId, uri)?.open, open);
      });
    }
  });

  describe('minimalReplacement', () => {
    it('replaces only the changed middle', () => {
      assert.deepEqual(minimalReplacement('ADD a\nADD b\n', 'COPY a\nADD b\n'), { span: { start: 0, end: 3 }, newText: 'COPY' });
    });
    it('never splits a CRLF or a surrogate pair', () => {
      const crlf = minimalReplacement('a\r\nb', 'a\nb');
      assert.ok(crlf.span.start <= 1 && crlf.span.end >= 2, JSON.stringify(crlf));
      const emoji = minimalReplacement('x😀y', 'x😃y');
      assert.equal(emoji.span.start, 1);
      assert.equal('x😀y'.slice(0, emoji.span.start) + emoji.newText + 'x😀y'.slice(emoji.span.end), 'x😃y');
    });
  });

  describe('fixAll', () => {
    const result = (findings: AnalysisResult['findings']): AnalysisResult => ({ language: 'text', findings, suppressed: [], notices: [] });
    it('re-analyses until nothing changes and stops after ten passes', () => {
      let calls = 0;
      // A "rule" that always wants one more character: the loop must stop by itself.
      const out = fixAll('x', (text) => {
        calls++;
        return result([{ id: 'f', ruleId: 'r', packId: 'p', severity: 'low', message: 'm', span: { start: 0, end: 0 }, fixes: [{ title: 't', kind: 'autofix', edits: [{ span: { start: text.length, end: text.length }, newText: 'x' }] }] }]);
      });
      assert.equal(out?.passes, 10);
      assert.equal(out?.text, 'x'.repeat(11));
      // One analysis per pass, plus the final text's (the engine's loop reports whether it is stable).
      assert.equal(calls, 11);
    });
    it('ignores suggestions and returns undefined when nothing changes', () => {
      const out = fixAll('abc', () => result([{ id: 'f', ruleId: 'r', packId: 'p', severity: 'low', message: 'm', span: { start: 0, end: 1 }, fixes: [{ title: 't', kind: 'suggestion', edits: [{ span: { start: 0, end: 1 }, newText: 'z' }] }] }]));
      assert.equal(out, undefined);
    });
  });
});
