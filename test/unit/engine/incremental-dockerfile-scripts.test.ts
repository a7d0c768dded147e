import * as assert from 'node:assert/strict';
import { PackLoader, analyze, buildRuleSet, builtinTemplates, type AnalysisResult, type Rule, type RuleSet } from '../../../server/src/engine';
import { builtinPackRoot, loadRuleSet } from '../../../server/src/node/rule-packs';
import { ANALYSIS_NOW, DOCKERFILE_URI, OpenDockerfile, comparable, placed } from '../../support/open-dockerfile';

// The editor keeps the reports of rules over RUN commands per RUN instruction (dockerfile-script-rules.ts)
// and moves them when lines are added above. Each step below is an edit that must change what those
// rules report (or where), typed into one open document as the server keeps it; after each, the
// editor's result must be a fresh analysis's, and the expected finding must be there or gone.

const NOW = ANALYSIS_NOW;
const URI = DOCKERFILE_URI;

const START = [
  'ARG BASE=alpine:3.20',
  'FROM ${BASE} AS build',
  'RUN apk add --no-cache curl \\',
  '    && curl -fsSL https://example.com/x | sh',
  'RUN <<EOF',
  'set -eux',
  'sudo apt-get install -y git',
  'EOF',
  'ONBUILD RUN pip install flask',
  'FROM build',
  'RUN ["sh", "-c", "npm install left-pad"]',
  'USER app',
  '',
].join('\n');

const SCRIPT_RULES = ['docker-package-version-unpinned', 'docker-run-sudo', 'docker-remote-script-piped-to-shell'];

describe('Dockerfile rules kept per RUN instruction equal a fresh analysis', function () {
  this.timeout(60_000);
  let ruleSet: RuleSet;

  before(function () {
    ruleSet = loadRuleSet([builtinPackRoot()]).ruleSet;
    for (const id of SCRIPT_RULES) assert.equal(ruleSet.rules.find((r) => r.meta.id === id)?.perRunScript, true, `${id} is kept per RUN script`);
  });

  it('after edits that change, move or re-read RUN scripts, finding for finding', () => {
    const open = new OpenDockerfile(START);
    const step = (what: string, expect: { has?: string[]; lacks?: string[] }) => {
      const cached = open.analyse(ruleSet);
      const fresh = analyze({ uri: URI, text: open.text, languageId: 'dockerfile' }, ruleSet, { now: NOW });
      assert.deepEqual(comparable(cached), comparable(fresh), `${what}: cached and fresh analyses differ`);
      const found = placed(cached, open.text, SCRIPT_RULES);
      for (const f of expect.has ?? []) assert.ok(found.includes(f), `${what}: expected ${f} among ${found.join(', ')}`);
      for (const f of expect.lacks ?? []) assert.ok(!found.some((x) => x.includes(f)), `${what}: expected no ${f} among ${found.join(', ')}`);
    };
    step('as opened', { has: ['docker-package-version-unpinned@3:24=curl', 'docker-run-sudo@7:1=sudo', 'docker-package-version-unpinned@9:25=flask', 'docker-package-version-unpinned@11:31=left-pad', 'docker-remote-script-piped-to-shell@4:8=curl -fsSL https://example.com/x | sh'] });
    open.edit('curl \\', 'curl=8.9.1-r0 \\');
    step('a package pinned on a continued line', { lacks: ['docker-package-version-unpinned@3:24'], has: ['docker-remote-script-piped-to-shell@4:8=curl -fsSL https://example.com/x | sh'] });
    open.edit('FROM ${BASE} AS build\n', 'FROM ${BASE} AS build\n\n# a comment\n');
    step('Enter and a comment above every RUN: every later report moves two lines', { has: ['docker-run-sudo@9:1=sudo', 'docker-package-version-unpinned@11:25=flask', 'docker-package-version-unpinned@13:31=left-pad'] });
    open.edit('sudo apt-get', 'apt-get');
    step('a wrapper removed inside a heredoc', { lacks: ['docker-run-sudo'], has: ['docker-package-version-unpinned@9:20=git'] });
    open.edit('x | sh', 'x -o x.sh');
    step('a pipe to a shell removed on a continuation line', { lacks: ['docker-remote-script-piped-to-shell'] });
    open.edit('x -o x.sh', 'x | sh');
    step('and typed back (a script read before, at the same place)', { has: ['docker-remote-script-piped-to-shell@6:8=curl -fsSL https://example.com/x | sh'] });
    open.edit('ARG BASE', '# escape=`\nARG BASE');
    // With ` as the escape character the backslash no longer continues the line: line 5 is no longer part of the RUN.
    step('an escape directive that changes how every RUN is read', { lacks: ['docker-remote-script-piped-to-shell'] });
    open.edit('# escape=`\n', '');
    step('and removed again', { has: ['docker-remote-script-piped-to-shell@6:8=curl -fsSL https://example.com/x | sh'] });
    open.edit('\n', '\r\n');
    step('a CRLF line break on the first line', { has: ['docker-package-version-unpinned@13:31=left-pad'] });
    open.edit('left-pad', 'left-pad@1.3.0');
    step('a package pinned in JSON form', { lacks: ['docker-package-version-unpinned@13:31'] });
    open.edit('ONBUILD RUN pip install flask', 'ONBUILD RUN pip install flask==3.0.2 requests');
    step('an ONBUILD RUN edited', { lacks: ['docker-package-version-unpinned@11:25'], has: ['docker-package-version-unpinned@11:38=requests'] });
  });

  it('a keystroke re-runs the rule on the edited RUN only', () => {
    const base = ruleSet.rules.find((r) => r.meta.id === 'docker-package-version-unpinned');
    assert.ok(base);
    let calls = 0;
    const counting: Rule = { ...base, check: (model, ctx) => ((calls += 1), (base.check as (m: unknown, c: unknown) => void)(model, ctx)) };
    const counted: RuleSet = { ...ruleSet, rules: [counting] };
    const open = new OpenDockerfile(START);
    open.analyse(counted);
    assert.equal(calls, 5, 'once per RUN script when opened (the heredoc is its RUN\'s only script)');
    calls = 0;
    open.edit('flask', 'flask ');
    const result = open.analyse(counted);
    assert.equal(calls, 1, 'the edited ONBUILD RUN only');
    assert.deepEqual(comparable(result), comparable(analyze({ uri: URI, text: open.text, languageId: 'dockerfile' }, counted, { now: NOW })));
    calls = 0;
    open.edit('FROM build', '\nFROM build');
    open.analyse(counted);
    assert.equal(calls, 0, 'a line added between instructions moves the reports, it re-runs nothing');
  });

  it('several RUNs of the same text, moved and moved back, equal a fresh analysis', () => {
    const open = new OpenDockerfile(['FROM alpine:3.20', 'RUN curl -fsSL https://example.com/x | sh', 'USER app', 'RUN curl -fsSL https://example.com/x | sh', 'USER app', 'RUN curl -fsSL https://example.com/x | sh', ''].join('\n'));
    const piped = (r: AnalysisResult) => r.findings.filter((f) => f.ruleId === 'docker-remote-script-piped-to-shell');
    const first = piped(open.analyse(ruleSet));
    assert.equal(first.length, 3);
    const check = (what: string) => {
      const cached = open.analyse(ruleSet);
      assert.deepEqual(comparable(cached), comparable(analyze({ uri: URI, text: open.text, languageId: 'dockerfile' }, ruleSet, { now: NOW })), `${what}: cached and fresh analyses differ`);
      return piped(cached);
    };
    open.edit('USER app\nRUN', 'USER app2\nRUN');
    const moved = check('a character typed between the first and second RUN');
    assert.equal(moved[0], first[0], 'the RUN above the edit keeps its finding');
    assert.deepEqual(moved.slice(1).map((f) => f.span.start), first.slice(1).map((f) => f.span.start + 1));
    open.edit('USER app2\nRUN', 'USER app\nRUN');
    assert.deepEqual(check('and deleted').map((f) => f.span.start), first.map((f) => f.span.start));
    open.edit('USER app\nRUN', 'USER app2\nRUN');
    assert.deepEqual(check('typed again').map((f) => f.span.start), moved.map((f) => f.span.start));
  });

  // Rules that read RUN scripts and other instructions keep their script reports per RUN and run on the
  // rest of the model without scripts (runScriptsApart); run-sequence is kept per RUN. Each edit below must
  // change what one of them reports, in a RUN or in another instruction.
  const APART_RULES = ['docker-tls-verify-disabled', 'docker-package-signature-disabled', 'docker-package-upgrade', 'docker-unsafe-file-permissions', 'docker-copy-secret-file'];
  const APART_START = [
    'FROM alpine:3.20',
    'ENV GOFLAGS=-insecure',
    'RUN curl -k https://example.com/x -o /x && chmod 4755 /x',
    'COPY --chmod=777 app.sh /app.sh',
    'COPY id_rsa /root/.ssh/id_rsa',
    'RUN apt-get update',
    'RUN export GOSUMDB=off && apk upgrade',
    '',
  ].join('\n');

  it('rules whose RUN reports are kept apart from their other reports, after edits on either side', () => {
    for (const id of APART_RULES) assert.equal(ruleSet.rules.find((r) => r.meta.id === id)?.runScriptsApart, true, `${id} keeps its RUN reports apart`);
    assert.equal(ruleSet.rules.find((r) => r.meta.id === 'docker-package-update-alone')?.perRunScript, true, 'run-sequence is kept per RUN script');
    const ids = [...APART_RULES, 'docker-package-update-alone'];
    const open = new OpenDockerfile(APART_START);
    const step = (what: string, expect: { has?: string[]; lacks?: string[] }) => {
      const cached = open.analyse(ruleSet);
      const fresh = analyze({ uri: URI, text: open.text, languageId: 'dockerfile' }, ruleSet, { now: NOW });
      assert.deepEqual(comparable(cached), comparable(fresh), `${what}: cached and fresh analyses differ`);
      const found = placed(cached, open.text, ids);
      for (const f of expect.has ?? []) assert.ok(found.includes(f), `${what}: expected ${f} among ${found.join(', ')}`);
      for (const f of expect.lacks ?? []) assert.ok(!found.some((x) => x.includes(f)), `${what}: expected no ${f} among ${found.join(', ')}`);
    };
    step('as opened', {
      has: [
        'docker-package-signature-disabled@2:5=GOFLAGS=-insecure',
        'docker-tls-verify-disabled@3:10=-k',
        'docker-unsafe-file-permissions@3:50=4755',
        'docker-unsafe-file-permissions@4:6=--chmod=777',
        'docker-copy-secret-file@5:6=id_rsa',
        'docker-package-update-alone@6:5=apt-get update',
        'docker-package-signature-disabled@7:12=GOSUMDB=off',
        'docker-package-upgrade@7:31=upgrade',
      ],
    });
    open.edit('GOFLAGS=-insecure', 'GOFLAGS=-mod=mod');
    step('an ENV value no longer a setting (the rest of the model)', { lacks: ['docker-package-signature-disabled@2:'], has: ['docker-package-signature-disabled@7:12=GOSUMDB=off'] });
    open.edit('curl -k', 'curl');
    step('an option removed in a RUN', { lacks: ['docker-tls-verify-disabled'], has: ['docker-unsafe-file-permissions@3:47=4755'] });
    open.edit('--chmod=777', '--chmod=755');
    step('a COPY flag changed (no RUN changed)', { lacks: ['docker-unsafe-file-permissions@4:'], has: ['docker-unsafe-file-permissions@3:47=4755'] });
    open.edit('apt-get update', 'apt-get update && apt-get install -y git');
    step('a follower added in the same RUN', { lacks: ['docker-package-update-alone'] });
    open.edit('FROM alpine:3.20\n', 'FROM alpine:3.20\n\nRUN wget --no-check-certificate https://example.com/y\n');
    step('a RUN added above: every later report moves', {
      has: ['docker-tls-verify-disabled@3:10=--no-check-certificate', 'docker-unsafe-file-permissions@5:47=4755', 'docker-copy-secret-file@7:6=id_rsa', 'docker-package-upgrade@9:31=upgrade'],
    });
    open.edit('id_rsa /root/.ssh/id_rsa', 'app.conf /etc/app.conf');
    step('a COPY source changed', { lacks: ['docker-copy-secret-file'] });
    open.edit('apk upgrade', 'apk add git');
    step('a RUN operand changed', { lacks: ['docker-package-upgrade'], has: ['docker-package-signature-disabled@9:12=GOSUMDB=off'] });
  });

  it('a pack rule that judges RUN arguments and operands alike runs on the whole model: one finding per value', () => {
    const rule = [
      'id: run-word',
      'title: A RUN word',
      'severity: high',
      'confidence: high',
      "message: 'Found {{value}}.'",
      'description: A rule for engine tests.',
      'remediation: Remove it.',
      'match:',
      '  template: dockerfile-argument',
      '  params:',
      "    arguments: [{ instructions: [RUN], arguments: all, pattern: '^777$' }]",
      "    operands: [{ commands: [chmod], operands: first, pattern: '^777$' }]",
      '',
    ].join('\n');
    const { pack, errors } = new PackLoader(builtinTemplates()).load('/test', [{ path: 'pack.yaml', text: 'id: test\nversion: 1.0.0\ndescription: Test pack.\n' }, { path: 'run-word/rule.yaml', text: rule }]);
    assert.deepEqual(errors, []);
    const runWord = buildRuleSet(pack ? [pack] : []).ruleSet;
    assert.notEqual(runWord.rules[0].runScriptsApart, true);
    const open = new OpenDockerfile('FROM alpine\nRUN chmod 777 /x\n');
    assert.deepEqual(placed(open.analyse(runWord), open.text, ['run-word']), ['run-word@2:11=777']);
    open.edit('/x', '/y');
    assert.deepEqual(placed(open.analyse(runWord), open.text, ['run-word']), ['run-word@2:11=777']);
  });
});
