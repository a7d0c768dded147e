import * as assert from 'node:assert/strict';
import { invalidSuppression } from '../../../../server/src/engine/templates/text/invalid-suppression';
import { runTemplate } from './run-template';

function problems(text: string, uri = 'a.sh', now?: Date): { spanned: string[]; problem: string[]; effect: string[] } {
  const run = runTemplate(invalidSuppression, {}, uri, text, now);
  return { spanned: run.spanned, problem: run.reports.map((r) => r.data?.problem ?? ''), effect: run.reports.map((r) => r.data?.effect ?? '') };
}

describe('text-invalid-suppression', () => {
  it('is quiet on valid directives', () => {
    const text = '# bulwark-ignore docker-image-latest-tag reason="ok" until=2026-06-01\n// bulwark-ignore-file a-b,c-d reason=\'fine\'\n';
    assert.deepEqual(problems(text).problem, []);
  });

  it('spans the directive and names every problem', () => {
    const text = 'x = 1  # bulwark-ignore a-rule until=2026-05-31\n';
    const found = problems(text);
    assert.deepEqual(found.spanned, ['bulwark-ignore a-rule until=2026-05-31']);
    assert.deepEqual(found.problem, ['has no reason="…" and expired on 2026-05-31']);
    assert.deepEqual(found.effect, ['it suppresses nothing']);
  });

  it('checks expiry against the analysis date', () => {
    const text = '# bulwark-ignore a-rule reason="r" until=2026-06-10\n';
    assert.equal(problems(text, 'a.sh', new Date('2026-06-10T23:00:00Z')).problem.length, 0, 'valid through its last day');
    assert.deepEqual(problems(text, 'a.sh', new Date('2026-06-11T00:00:00Z')).problem, ['expired on 2026-06-10']);
  });

  it('rejects dates that do not exist, month or day', () => {
    for (const until of ['2026-02-30', '2026-13-01', '2026-00-10', '26-06-01', 'tomorrow']) {
      assert.deepEqual(problems(`# bulwark-ignore a-rule reason="r" until=${until}\n`).problem, [`has an invalid until date "${until}" (use YYYY-MM-DD)`], until);
    }
  });

  it('reports a missing id, also when reason= was taken for it', () => {
    assert.deepEqual(problems('# bulwark-ignore reason="x"\n').problem, ['names no rule']);
    assert.deepEqual(problems('# bulwark-ignore\n').problem, ['names no rule and has no reason="…"']);
  });

  it('reports ids that are not Bulwark rule ids, and whether the rest still works', () => {
    assert.deepEqual(problems('# bulwark-ignore DL3007 reason="x"\n').effect, ['it suppresses nothing']);
    const partial = problems('// bulwark-ignore secret-generic-password,CKV_SECRET_10,DL3007 reason="x"\n', 'a.js');
    assert.deepEqual(partial.problem, ['names "CKV_SECRET_10", which is not a Bulwark rule id and names "DL3007", which is not a Bulwark rule id']);
    assert.deepEqual(partial.effect, ['those ids suppress nothing']);
  });

  it('reads every comment syntax, and block comments up to their end', () => {
    const text = '/* bulwark-ignore a-rule */\n<!-- bulwark-ignore a-rule -->\n-- bulwark-ignore a-rule\n; bulwark-ignore a-rule\n';
    assert.deepEqual(problems(text).spanned, ['bulwark-ignore a-rule */', 'bulwark-ignore a-rule -->', 'bulwark-ignore a-rule', 'bulwark-ignore a-rule']);
  });
});
