import * as assert from 'node:assert/strict';
import { analyze, applyFixes, type AnalysisResult } from '../../../server/src/engine';
import { discoverRuleFolders } from '../../../server/src/node/rule-fixtures';
import { builtinPackRoot, loadRuleSet } from '../../../server/src/node/rule-packs';

// Half-typed files are what an editor analyses most: every rule fixture, cut and spliced at seeded
// random points, must still analyse without a rule failing, with every range inside the text, and
// every offered fix must apply and leave a file that analyses again.

const { ruleSet } = loadRuleSet([builtinPackRoot()]);
const NOW = new Date('2026-06-01T00:00:00Z');
const MUTATIONS_PER_FIXTURE = 25;
const NOISE = ['', '"', "'", '\\', '\\\n', '{{ .Values.x }}', '\n---\n', '\t', '\r\n', '\u0000', '&a ', '*a', ': ', '- ', '[', '}', '$(', '`', '<<EOF\n', '\ufffd', '🔑'];

/** Deterministic xorshift: a failure names its seed and reproduces. */
function random(seed: number): () => number {
  let x = seed || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 2 ** 32;
  };
}

function mutate(text: string, next: () => number): string {
  const at = Math.floor(next() * (text.length + 1));
  const span = Math.floor(next() * 40);
  switch (Math.floor(next() * 4)) {
    case 0:
      return text.slice(0, at) + text.slice(at + span); // a deletion (typing over a selection)
    case 1:
      return text.slice(0, at) + text.slice(at, at + span) + text.slice(at); // a duplicated piece (paste)
    case 2:
      return text.slice(0, at) + NOISE[Math.floor(next() * NOISE.length)] + text.slice(at);
    default:
      return text.slice(0, at); // a file cut short (still loading, or half-written)
  }
}

function checkResult(text: string, result: AnalysisResult, where: string): void {
  assert.deepEqual(result.notices.filter((n) => n.code === 'rule-failed').map((n) => n.message), [], where);
  for (const f of result.findings) {
    assert.ok(f.span.start >= 0 && f.span.start <= f.span.end && f.span.end <= text.length, `${where}: ${f.ruleId} span out of range`);
    for (const fix of f.fixes) for (const e of fix.edits) assert.ok(e.span.start >= 0 && e.span.start <= e.span.end && e.span.end <= text.length, `${where}: ${f.ruleId} fix edit out of range`);
  }
}

describe('analysis of mutated rule fixtures', function () {
  this.timeout(120_000);
  for (const folder of discoverRuleFolders(builtinPackRoot())) {
    it(folder.ruleId, () => {
      folder.fixtures.forEach((fixture, index) => {
        const next = random(index * 7919 + folder.ruleId.length * 104_729);
        let text = fixture.text;
        for (let m = 0; m < MUTATIONS_PER_FIXTURE; m++) {
          text = m % 4 === 0 ? mutate(fixture.text, next) : mutate(text, next);
          const where = `${fixture.name} mutation ${m}`;
          const uri = `file:///w/${fixture.name}`;
          const result = analyze({ uri, text }, ruleSet, { now: NOW });
          checkResult(text, result, where);
          const fixes = result.findings.flatMap((f) => f.fixes.filter((x) => x.kind === 'autofix'));
          if (fixes.length === 0) continue;
          const fixed = applyFixes(text, fixes).text;
          checkResult(fixed, analyze({ uri, text: fixed }, ruleSet, { now: NOW }), `${where}, after its autofixes`);
        }
      });
    });
  }
});
