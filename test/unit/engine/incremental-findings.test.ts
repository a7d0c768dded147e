import * as assert from 'node:assert/strict';
import { analyze, type AnalysisResult, type AnalyzeOptions, type Finding, type Report, type RuleSet } from '../../../server/src/engine';
import { FindingMemo, movedReport } from '../../../server/src/engine/finding-memo';
import { SecretMasker } from '../../../server/src/engine/secret-mask';
import { SectionParseCache } from '../../../server/src/lsp/section-parse-cache';
import { builtinPackRoot, loadRuleSet } from '../../../server/src/node/rule-packs';
import { ANALYSIS_NOW, DOCKERFILE_URI, OpenDockerfile, comparable } from '../../support/open-dockerfile';

// The editor hands back the finding it made from a report at the last analyses when everything the
// finding is made from is unchanged (finding-memo.ts). Each step below changes one thing a kept finding
// depends on without touching the instruction that reported it: the severity, its occurrence number, a
// secret whose text appears in its message, the rule set. After each, the editor's result must equal a
// fresh analysis and show the change.

const NOW = ANALYSIS_NOW;
const URI = DOCKERFILE_URI;
const PIN = 'docker-package-version-unpinned';

const START = ['FROM alpine:3.20', 'RUN apk add --no-cache examplepkg', 'USER app', ''].join('\n');

function pins(result: AnalysisResult): Finding[] {
  return result.findings.filter((f) => f.ruleId === PIN);
}

describe('Findings kept per report in the editor equal a fresh analysis', function () {
  this.timeout(60_000);
  let ruleSet: RuleSet;

  before(function () {
    ruleSet = loadRuleSet([builtinPackRoot()]).ruleSet;
  });

  const same = (open: OpenDockerfile, cached: AnalysisResult, options: AnalyzeOptions, what: string) =>
    assert.deepEqual(comparable(cached), comparable(analyze({ uri: URI, text: open.text, languageId: 'dockerfile' }, ruleSet, { ...options, now: NOW })), `${what}: cached and fresh analyses differ`);

  it('reuses the finding object while nothing it is made from changed', () => {
    const open = new OpenDockerfile(START);
    const first = pins(open.analyse(ruleSet));
    assert.equal(first.length, 1);
    open.edit('USER app', 'USER app2');
    const second = pins(open.analyse(ruleSet));
    assert.equal(second[0], first[0], 'an edit below leaves the RUN finding as it was: the same object');
    open.edit('FROM alpine:3.20', 'FROM alpine:3.21');
    const third = open.analyse(ruleSet);
    same(open, third, {}, 'an edit above that moves the RUN by no character');
    assert.equal(pins(third)[0], first[0]);
  });

  it('a severity override changes the kept finding', () => {
    const open = new OpenDockerfile(START);
    const before = pins(open.analyse(ruleSet))[0];
    const options: AnalyzeOptions = { severityOverrides: new Map([[PIN, 'critical']]) };
    const after = open.analyse(ruleSet, options);
    same(open, after, options, 'severity overridden');
    assert.notEqual(before.severity, 'critical');
    assert.equal(pins(after)[0].severity, 'critical');
  });

  it('a RUN above made identical renumbers the kept finding (its fingerprint), though it did not move', () => {
    // Same length above: the kept RUN's report is the same object at the same place, only its occurrence changes.
    const open = new OpenDockerfile(START.replace('FROM alpine:3.20\n', 'FROM alpine:3.20\nRUN apk add --no-cache otherpkg00\n'));
    const before = pins(open.analyse(ruleSet))[1];
    open.edit('otherpkg00', 'examplepkg');
    const after = open.analyse(ruleSet);
    same(open, after, {}, 'the same package unpinned in a RUN above');
    const found = pins(after);
    assert.equal(found.length, 2);
    assert.equal(found[0].id, before.id, 'the new first one takes occurrence 0, the fingerprint the kept one had');
    assert.notEqual(found[1].id, before.id, 'the kept one is now occurrence 1');
  });

  it('a secret typed elsewhere with the text of a kept message value masks it there', () => {
    const open = new OpenDockerfile(START.replace('examplepkg', 'Zq7xKp2mWv9r'));
    const before = pins(open.analyse(ruleSet))[0];
    assert.match(before.message, /Zq7xKp2mWv9r/);
    open.edit('USER app', 'ENV DB_PASSWORD=Zq7xKp2mWv9r\nUSER app');
    const after = open.analyse(ruleSet);
    same(open, after, {}, 'a secret with the package name as its value');
    assert.ok(after.findings.some((f) => f.ruleId === 'docker-secret-in-env'), 'the secret is found');
    assert.doesNotMatch(pins(after)[0].message, /Zq7xKp2mWv9r/, 'the kept finding\'s message no longer shows it');
    open.edit('ENV DB_PASSWORD=Zq7xKp2mWv9r\n', '');
    const again = open.analyse(ruleSet);
    same(open, again, {}, 'the secret removed');
    assert.match(pins(again)[0].message, /Zq7xKp2mWv9r/);
  });

  it('a secret edited elsewhere keeps the findings whose values it does not appear in, and masks the one it then appears in', () => {
    const open = new OpenDockerfile(`${START.replace('examplepkg', 'Zq7xKp2mWv9r')}ENV DB_PASSWORD=Zq7xKp2mWv9s\n`);
    const before = pins(open.analyse(ruleSet))[0];
    assert.match(before.message, /Zq7xKp2mWv9r/);
    open.edit('Zq7xKp2mWv9s', 'Zq7xKp2mWv9sd');
    const typed = open.analyse(ruleSet);
    same(open, typed, {}, 'a character typed in the secret');
    assert.equal(pins(typed)[0], before, 'the RUN finding, whose values hold no secret, is the same object');
    open.edit('Zq7xKp2mWv9sd', 'Zq7xKp2mWv9r');
    const masking = open.analyse(ruleSet);
    same(open, masking, {}, 'the secret now the package name');
    assert.ok(masking.findings.some((f) => f.ruleId === 'docker-secret-in-env'), 'the secret is found');
    assert.doesNotMatch(pins(masking)[0].message, /Zq7xKp2mWv9r/, 'the kept finding is made again, masked');
  });

  it('another rule set (a pack reloaded) makes every finding again', () => {
    const open = new OpenDockerfile(START);
    const before = pins(open.analyse(ruleSet))[0];
    const reloaded = loadRuleSet([builtinPackRoot()]).ruleSet;
    const after = pins(open.analyse(reloaded))[0];
    assert.notEqual(after, before);
    assert.deepEqual(after, before);
  });

  it('a value read from where a secret lies is masked by place, never taken from the memo', () => {
    const rule = ruleSet.rules.find((r) => r.meta.id === PIN);
    assert.ok(rule);
    // Five characters: too short to be searched for in values of unknown origin, so both maskers have the
    // same secret texts (none) and only the place of the secret tells them apart.
    const text = 'RUN apk add pkgnm\n';
    const report: Report = { span: { start: 12, end: 17 }, data: { command: 'apk', package: 'pkgnm' }, origins: { package: { start: 12, end: 17 } } };
    const cache = new SectionParseCache();
    let made = 0;
    const at = (m: SecretMasker, r = rule) =>
      FindingMemo.of(cache, text, m).finding(r, report, 'medium', (rep, span, matched, occurrence) => ((made += 1), { id: `${matched}#${occurrence}`, ruleId: PIN, packId: 'core', severity: 'medium', message: m.fill(r.meta.message, rep.data ?? {}, rep.origins), span, fixes: [] }));
    const clear = new SecretMasker(text, []);
    const first = at(clear);
    assert.equal(at(clear), first, 'made once, then taken from the memo');
    assert.equal(made, 1);
    const secret = new SecretMasker(text, [{ start: 12, end: 17 }]);
    assert.equal(secret.textsKey, clear.textsKey);
    assert.doesNotMatch(at(secret).message, /pkgnm/, 'a secret now at its origin: made again, masked');
    at(secret);
    assert.equal(made, 3, 'made at each analysis while a secret lies at its origin');
    assert.notEqual(at(clear, { ...rule }), first, 'the same report from another rule object is made again');
  });

  it('a word typed above a RUN moves the findings kept for it, equal to a fresh analysis at each keystroke', () => {
    const open = new OpenDockerfile(['FROM alpine:3.20', '# note', 'RUN apk add --no-cache examplepkg && curl -fsSL https://example.com/x | sh', 'USER app', ''].join('\n'));
    const first = open.analyse(ruleSet);
    const pin = pins(first)[0];
    for (const [i, typed] of ['# notes', '# notes!', '# notes!!'].entries()) {
      open.edit(i === 0 ? '# note' : typed.slice(0, -1), typed);
      const moved = open.analyse(ruleSet);
      same(open, moved, {}, `${typed}: the RUN moved by ${i + 1}`);
      assert.deepEqual(pins(moved)[0].span, { start: pin.span.start + i + 1, end: pin.span.end + i + 1 });
      assert.equal(pins(moved)[0].id, pin.id);
    }
    open.edit('examplepkg', 'examplepkh');
    same(open, open.analyse(ruleSet), {}, 'the moved RUN edited');
  });

  it('a moved report takes the finding made from its origin only where the text there is the same', () => {
    const rule = ruleSet.rules.find((r) => r.meta.id === PIN);
    assert.ok(rule);
    const report: Report = { span: { start: 12, end: 17 }, data: { command: 'apk', package: 'pkgnm' }, fixes: [{ title: 'Pin', kind: 'suggestion', edits: [{ span: { start: 17, end: 17 }, newText: '=1' }] }] };
    const cache = new SectionParseCache();
    let made = 0;
    const at = (text: string, r: Report) =>
      FindingMemo.of(cache, text, new SecretMasker(text, [])).finding(rule, r, 'medium', (rep, span, matched, occurrence) => ((made += 1), { id: `${matched}#${occurrence}`, ruleId: PIN, packId: 'core', severity: 'medium', message: 'm', span, fixes: rep.fixes ?? [] }));
    at('RUN apk add pkgnm\n', report);
    assert.equal(made, 1);
    const moved = at(' RUN apk add pkgnm\n', movedReport(report, 1));
    assert.equal(made, 1, 'moved from the finding made before');
    assert.deepEqual(moved, { id: 'pkgnm#0', ruleId: PIN, packId: 'core', severity: 'medium', message: 'm', span: { start: 13, end: 18 }, fixes: [{ title: 'Pin', kind: 'suggestion', edits: [{ span: { start: 18, end: 18 }, newText: '=1' }] }] });
    const elsewhere = at(' RUN apk add pkgnx\n', movedReport(report, 1));
    assert.equal(made, 2, 'other text at the moved place: made again');
    assert.equal(elsewhere.id, 'pkgnx#0');
    assert.equal(at(' RUN apk add pkgnm\n', { ...movedReport(report, 1) }).id, 'pkgnm#0');
    assert.equal(made, 3, 'a copy of a moved report is no move: made afresh');
  });
});
