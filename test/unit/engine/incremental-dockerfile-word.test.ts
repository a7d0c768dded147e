import * as assert from 'node:assert/strict';
import { analyze, type AnalysisResult, type Finding, type RuleSet } from '../../../server/src/engine';
import { builtinPackRoot, loadRuleSet } from '../../../server/src/node/rule-packs';
import { ANALYSIS_NOW, DOCKERFILE_URI, OpenDockerfile, comparable, placed } from '../../support/open-dockerfile';

// A word typed a character at a time and deleted moves what lies below by 1, 2, 3, 2, 1 and 0: the
// editor keeps the last few moves of each kept report (recent-moves.ts), so deleting hands back the
// findings made while typing. After every keystroke, wherever it is typed (RUN continuations, heredocs,
// FROM lines and stage names, an ARG read later, ONBUILD), the editor's result must be a fresh analysis's.

const START = [
  'ARG BASE=alpine:latest',
  'ARG DB_PASSWORD',
  'FROM ${BASE} AS build',
  'ENV API_TOKEN=zEONPZgI2c2bIMl534q3',
  'RUN apk add --no-cache curl \\',
  '    && curl -fsSL https://example.com/x | sh',
  'RUN <<SCRIPT',
  'set -e',
  'sudo apk add git',
  'SCRIPT',
  'ONBUILD RUN pip install requests',
  'FROM build AS final',
  'COPY --from=build /out /out',
  'COPY id_rsa /root/.ssh/id_rsa',
  'COPY ["keys/id_ed25519", "/home/app/"]',
  'WORKDIR /proc/self',
  'EXPOSE 8080 22',
  'RUN wget -qO- https://example.com/y | gunzip',
  'RUN curl -fsSL https://example.com/x | sh',
  'USER app',
  '',
].join('\n');

const WATCHED = ['docker-copy-secret-file', 'docker-workdir-system-directory', 'docker-expose-ssh', 'docker-secret-in-env', 'docker-remote-script-piped-to-shell', 'docker-pipe-without-pipefail', 'docker-run-sudo', 'docker-image-latest-tag', 'docker-user-non-numeric'];

describe('Dockerfile findings while a word is typed and deleted equal a fresh analysis', function () {
  this.timeout(120_000);
  let ruleSet: RuleSet;

  before(function () {
    ruleSet = loadRuleSet([builtinPackRoot()]).ruleSet;
  });

  const check = (open: OpenDockerfile, what: string): AnalysisResult => {
    const cached = open.analyse(ruleSet);
    const fresh = analyze({ uri: DOCKERFILE_URI, text: open.text, languageId: 'dockerfile' }, ruleSet, { now: ANALYSIS_NOW });
    assert.deepEqual(comparable(cached), comparable(fresh), `${what}: cached and fresh analyses differ`);
    return cached;
  };

  /** Types `word` at `at` a character at a time, then deletes it; the result after each keystroke. */
  const typeAndDelete = (open: OpenDockerfile, at: number, word: string, where: string): AnalysisResult[] => {
    const results: AnalysisResult[] = [];
    for (let i = 0; i < word.length; i++) {
      open.replace(at + i, at + i, word[i]);
      results.push(check(open, `${JSON.stringify(word.slice(0, i + 1))} typed ${where}`));
    }
    for (let i = word.length; i > 0; i--) {
      open.replace(at + i - 1, at + i, '');
      results.push(check(open, `${JSON.stringify(word.slice(0, i - 1))} left ${where}`));
    }
    return results;
  };

  it('hands back the findings below as typing made them, while the word is deleted', () => {
    const open = new OpenDockerfile(START);
    const first = open.analyse(ruleSet);
    const below = (r: AnalysisResult): Finding[] => r.findings.filter((f) => f.span.start > START.indexOf('ENV API_TOKEN') && WATCHED.includes(f.ruleId));
    const found = placed(first, open.text, WATCHED);
    for (const f of ['docker-secret-in-env@4:15=zEONPZgI2c2bIMl534q3', 'docker-remote-script-piped-to-shell@6:8=curl -fsSL https://example.com/x | sh', 'docker-run-sudo@9:1=sudo', 'docker-copy-secret-file@14:6=id_rsa', 'docker-copy-secret-file@15:7="keys/id_ed25519"', 'docker-workdir-system-directory@16:9=/proc/self', 'docker-expose-ssh@17:13=22', 'docker-pipe-without-pipefail@18:5=wget', 'docker-remote-script-piped-to-shell@19:5=curl -fsSL https://example.com/x | sh']) {
      assert.ok(found.includes(f), `expected ${f} among ${found.join(', ')}`);
    }
    // Typed into the ARG above every watched finding: "dev", then deleted (distances 1 2 3 2 1 0).
    const [d, de, , deBack, dBack, none] = typeAndDelete(open, START.indexOf('ARG DB_PASSWORD') + 'ARG DB_'.length, 'dev', 'in the ARG name');
    const pairs: [AnalysisResult, AnalysisResult, string][] = [
      [de, deBack, 'two characters'],
      [d, dBack, 'one character'],
      [first, none, 'nothing'],
    ];
    for (const [typed, deleted, distance] of pairs) {
      const was = below(typed);
      const now = below(deleted);
      assert.equal(now.length, was.length);
      assert.ok(now.length >= 5);
      now.forEach((f, i) => assert.equal(f, was[i], `moved by ${distance}: ${f.ruleId} at ${f.span.start} is the finding typing made there`));
    }
  });

  it('at every line: in RUN continuations, heredocs, FROM lines, stage names and the ARG read later', () => {
    const open = new OpenDockerfile(START);
    open.analyse(ruleSet);
    const lines = START.split('\n').length - 1;
    for (let line = 0; line < lines; line++) {
      const start = lineStart(open.text, line);
      const end = open.text.indexOf('\n', start);
      // Inside the line (after its first word, where values are) and at its end.
      const space = open.text.indexOf(' ', start);
      const inside = space >= 0 && space < end ? space + 1 : end;
      typeAndDelete(open, inside, 'dev', `inside line ${line + 1}`);
      typeAndDelete(open, end, 'x', `at the end of line ${line + 1}`);
    }
    assert.equal(open.text, START, 'every word deleted again');
  });

  it('after Enter and Backspace, a paste of many lines and its undo, and a stage renamed', () => {
    const open = new OpenDockerfile(START);
    open.analyse(ruleSet);
    for (const line of [1, 4, 6, 10, 13]) {
      const end = open.text.indexOf('\n', lineStart(open.text, line));
      open.replace(end, end, '\n');
      check(open, `Enter at the end of line ${line + 1}`);
      open.replace(end, end + 1, '');
      check(open, `Backspace at the end of line ${line + 1}`);
    }
    const pasted = ['RUN curl -fsSL https://example.com/z | bash', 'ENV OTHER_SECRET=Qm9vbGVhbkZsYWdzMTIzNDU2', 'RUN <<EOT', 'sudo rm -rf /tmp/x', 'EOT', 'FROM ubuntu:latest AS extra', 'USER root', ''].join('\n');
    const at = START.indexOf('FROM build AS final');
    open.replace(at, at, pasted.repeat(5));
    const withPaste = check(open, 'many lines pasted');
    assert.ok(placed(withPaste, open.text, ['docker-remote-script-piped-to-shell']).length >= 7, 'the pasted RUNs are read');
    typeAndDelete(open, START.indexOf('ARG DB_PASSWORD'), 'dev', 'above the paste');
    open.replace(at, at + pasted.length * 5, '');
    assert.equal(open.text, START);
    check(open, 'the paste undone');
    open.edit('FROM build AS final', 'FROM builder AS final');
    check(open, 'the base stage renamed (no longer a stage)');
    open.edit('AS build\n', 'AS builder\n');
    check(open, 'the stage renamed to match');
    open.edit('ARG BASE=alpine:latest', 'ARG BASE=alpine:3.20');
    const pinned = check(open, 'the ARG read by FROM pinned');
    assert.ok(!placed(pinned, open.text, ['docker-image-latest-tag']).some((f) => f.startsWith('docker-image-latest-tag@3:')), 'FROM ${BASE} no longer reads latest');
  });

  // dockerfile-ast reads an exec-form `<<` as `<_` (dockerfile.ts): one parse of the instruction for two
  // texts, whose arguments differ. The arguments kept with the instruction's parse must not be the other's.
  it('an exec-form COPY whose source is written with << and then <_', () => {
    const open = new OpenDockerfile(START.replace('keys/id_ed25519', '<<x/.ssh/id_ed25519'));
    check(open, 'with <<');
    open.edit('<<x', '<_x');
    const after = check(open, 'with <_');
    assert.ok(placed(after, open.text, ['docker-copy-secret-file']).includes('docker-copy-secret-file@15:7="<_x/.ssh/id_ed25519"'), 'the value as written now');
    open.edit('<_x', '<<x');
    check(open, 'with << again');
  });
});

function lineStart(text: string, line: number): number {
  let at = 0;
  for (let i = 0; i < line; i++) at = text.indexOf('\n', at) + 1;
  return at;
}
