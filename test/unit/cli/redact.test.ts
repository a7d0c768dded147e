import * as assert from 'node:assert/strict';
import type { AnalysisResult, Finding, RuleMeta } from '../../../server/src/engine';
import { redactorFor } from '../../../server/src/cli/redact';

// The CLI's last net masks every secret of a file in the texts a report carries; its answers are
// remembered per file (each finding's fixes ask about the same titles), so they must stay each text's own.

const SECRET_RULE = { id: 'secret-x', tags: ['secret'] } as unknown as RuleMeta;
const OTHER_RULE = { id: 'other-x', tags: [] } as unknown as RuleMeta;

function finding(ruleId: string, start: number, end: number): Finding {
  return { id: `${ruleId}-${start}`, ruleId, packId: 'core', severity: 'high', message: 'm', span: { start, end }, fixes: [] };
}

describe('the CLI redactor', () => {
  const text = 'password = "hunter2hunter2"\nname = "visible-name"\ntoken = "s3cr3t-t0ken-value"\n';
  const at = (s: string) => [text.indexOf(s), text.indexOf(s) + s.length] as const;
  const result: AnalysisResult = {
    language: 'text',
    findings: [finding('secret-x', ...at('hunter2hunter2')), finding('other-x', ...at('visible-name')), finding('secret-x', ...at('s3cr3t-t0ken-value'))],
    suppressed: [],
    notices: [],
  };
  const rules = new Map([
    ['secret-x', SECRET_RULE],
    ['other-x', OTHER_RULE],
  ]);

  it('masks each secret-rule match in any text, asked once or many times, and leaves other texts alone', () => {
    const redactor = redactorFor(text, result, rules);
    for (let round = 0; round < 3; round++) {
      assert.equal(redactor.text('use hunter2hunter2 here'), 'use …(14 chars) here');
      assert.equal(redactor.text('name visible-name stays'), 'name visible-name stays');
      assert.equal(redactor.text('both hunter2hunter2 and s3cr3t-t0ken-value'), 'both …(14 chars) and …(18 chars)');
      assert.equal(redactor.leaks('x s3cr3t-t0ken-value'), true);
      assert.equal(redactor.leaks('process.env.TOKEN'), false);
    }
  });

  it('keeps one file\'s answers to itself: another file\'s redactor knows only its own secrets', () => {
    const first = redactorFor(text, result, rules);
    assert.equal(first.leaks('hunter2hunter2'), true);
    const other = redactorFor(text, { ...result, findings: [result.findings[2]] }, rules);
    assert.equal(other.leaks('hunter2hunter2'), false);
    assert.equal(other.text('hunter2hunter2'), 'hunter2hunter2');
  });
});
