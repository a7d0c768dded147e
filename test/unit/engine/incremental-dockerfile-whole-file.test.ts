import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze, type AnalysisResult, type Finding, type RuleSet } from '../../../server/src/engine';
import { builtinPackRoot, loadRuleSet } from '../../../server/src/node/rule-packs';
import { ANALYSIS_NOW, DOCKERFILE_URI, OpenDockerfile, comparable, placed } from '../../support/open-dockerfile';
import { REALWORLD } from '../../support/shared-folder';

// Rules that read the whole Dockerfile run again at each keystroke; their reports equal to the last
// analysis's are replaced by those report objects (dockerfile-report-reuse.ts), so the findings made from
// them are handed back. Each edit below changes what such a rule reports or what it reads from other
// instructions (a stage's name, an ARG, a USER, line breaks added and removed); after each, the editor's
// result must be a fresh analysis's, and the named finding there or gone.

const NOW = ANALYSIS_NOW;
const URI = DOCKERFILE_URI;

const START = [
  'ARG BASE=alpine:latest',
  'ARG DB_PASSWORD',
  'FROM ${BASE} AS build',
  'ENV API_TOKEN=zEONPZgI2c2bIMl534q3',
  'RUN curl -fsSL https://example.com/x | tar -x',
  'USER root',
  'FROM build AS final',
  'COPY --from=build /out /out',
  'RUN wget -qO- https://example.com/y | gunzip',
  'USER app',
  '',
].join('\n');

const WHOLE_FILE = ['docker-image-latest-tag', 'docker-image-not-digest-pinned', 'docker-secret-in-env', 'docker-secret-build-arg', 'docker-pipe-without-pipefail', 'docker-user-root', 'docker-user-missing', 'docker-user-non-numeric'];

describe('Whole-file Dockerfile rules with reports kept between keystrokes equal a fresh analysis', function () {
  this.timeout(120_000);
  let ruleSet: RuleSet;

  before(function () {
    ruleSet = loadRuleSet([builtinPackRoot()]).ruleSet;
    for (const id of WHOLE_FILE) {
      const rule = ruleSet.rules.find((r) => r.meta.id === id);
      assert.ok(rule && !rule.perRunScript && !rule.runScriptsApart, `${id} reads the whole file`);
    }
  });

  const check = (open: OpenDockerfile, what: string, expect: { has?: string[]; lacks?: string[] } = {}): AnalysisResult => {
    const cached = open.analyse(ruleSet);
    const fresh = analyze({ uri: URI, text: open.text, languageId: 'dockerfile' }, ruleSet, { now: NOW });
    assert.deepEqual(comparable(cached), comparable(fresh), `${what}: cached and fresh analyses differ`);
    const found = placed(cached, open.text, WHOLE_FILE);
    for (const f of expect.has ?? []) assert.ok(found.includes(f), `${what}: expected ${f} among ${found.join(', ')}`);
    for (const f of expect.lacks ?? []) assert.ok(!found.some((x) => x.startsWith(f)), `${what}: expected no ${f} among ${found.join(', ')}`);
    return cached;
  };

  it('after edits to a stage name, an ARG, a USER and line breaks, finding for finding', () => {
    const open = new OpenDockerfile(START);
    check(open, 'as opened', {
      has: ['docker-image-latest-tag@3:6=${BASE}', 'docker-secret-in-env@4:15=zEONPZgI2c2bIMl534q3', 'docker-pipe-without-pipefail@5:5=curl', 'docker-pipe-without-pipefail@9:5=wget', 'docker-user-non-numeric@10:6=app'],
      lacks: ['docker-image-latest-tag@7:', 'docker-user-root'],
    });
    open.edit('AS build', 'AS builder');
    check(open, 'the first stage renamed: the second FROM now names an image, not a stage', { has: ['docker-image-latest-tag@7:6=build'] });
    open.edit('AS builder', 'AS build');
    check(open, 'and named back', { lacks: ['docker-image-latest-tag@7:'] });
    open.edit('ARG BASE=alpine:latest', 'ARG BASE=alpine:3.20');
    check(open, 'a global ARG that the FROM reads pinned', { has: ['docker-image-not-digest-pinned@3:6=${BASE}'], lacks: ['docker-image-latest-tag@3:'] });
    open.edit('ARG BASE=alpine:3.20', 'ARG BASE=alpine:latest');
    check(open, 'and back to latest', { has: ['docker-image-latest-tag@3:6=${BASE}'], lacks: ['docker-image-not-digest-pinned@3:'] });
    open.edit('USER app', 'USER root');
    check(open, 'the final USER made root', { has: ['docker-user-root@10:6=root'], lacks: ['docker-user-non-numeric'] });
    open.edit('USER root\nFROM', 'USER app\nFROM');
    check(open, 'a USER of an earlier stage changed', { has: ['docker-user-root@10:6=root'] });
    open.edit('\nUSER root\n', '\n');
    check(open, 'the final USER removed: the earlier stage\'s USER is the image\'s', { has: ['docker-user-non-numeric@6:6=app'], lacks: ['docker-user-root'] });
    open.edit('COPY --from', 'USER 1000\nCOPY --from');
    check(open, 'a numeric USER added on a line of its own', { lacks: ['docker-user-non-numeric', 'docker-user-root'] });
    open.edit('ARG DB_PASSWORD\n', 'ARG DB_PASSWORD\n\n');
    check(open, 'Enter below an ARG: every later report moves a line', { has: ['docker-secret-in-env@5:15=zEONPZgI2c2bIMl534q3', 'docker-pipe-without-pipefail@6:5=curl', 'docker-pipe-without-pipefail@11:5=wget'] });
    open.edit('ARG DB_PASSWORD\n\n', 'ARG DB_PASSWORD\n');
    check(open, 'Backspace: the line break removed, every later report back where it was', { has: ['docker-secret-in-env@4:15=zEONPZgI2c2bIMl534q3', 'docker-pipe-without-pipefail@10:5=wget'] });
    open.edit('ENV API_TOKEN', 'ENV \\\n  API_TOKEN');
    check(open, 'Enter inside an instruction (a continuation line)', { has: ['docker-secret-in-env@5:13=zEONPZgI2c2bIMl534q3', 'docker-pipe-without-pipefail@6:5=curl'] });
    open.edit('ENV \\\n  API_TOKEN', 'ENV API_TOKEN');
    check(open, 'Backspace joining the lines again', { has: ['docker-secret-in-env@4:15=zEONPZgI2c2bIMl534q3', 'docker-pipe-without-pipefail@5:5=curl'] });
    open.edit('ARG DB_PASSWORD', 'ARG DB_PASSWORD=hunter2hunter2');
    check(open, 'an ARG given a default: a secret in it, no longer a bare build argument', { has: ['docker-secret-in-env@2:17=hunter2hunter2'], lacks: ['docker-secret-build-arg'] });
    open.edit('| tar -x', '| tar -x ');
    check(open, 'a space typed at the end of a RUN the pipefail rule reports', { has: ['docker-pipe-without-pipefail@5:5=curl'] });
    open.edit('FROM ${BASE} AS build', 'SHELL ["/bin/bash", "-o", "pipefail", "-c"]\nFROM ${BASE} AS build');
    check(open, 'a SHELL line before the first FROM (no stage\'s shell)', { has: ['docker-pipe-without-pipefail@6:5=curl', 'docker-pipe-without-pipefail@11:5=wget'] });
    open.edit('AS build\n', 'AS build\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\n');
    check(open, 'a SHELL with pipefail in the first stage, which the second is built from', { lacks: ['docker-pipe-without-pipefail'] });
  });

  it('keeps the finding objects of a whole-file rule while its reports are equal, moved or not', () => {
    const open = new OpenDockerfile(START);
    const secret = (r: AnalysisResult): Finding => {
      const found = r.findings.find((f) => f.ruleId === 'docker-secret-in-env');
      assert.ok(found);
      return found;
    };
    const first = secret(open.analyse(ruleSet));
    open.edit('USER app', 'USER app2');
    assert.equal(secret(check(open, 'an edit below')), first, 'an edit below leaves the ENV finding as it was: the same object');
    open.edit('ARG DB_PASSWORD', 'ARG DB_PASSWORD ');
    const moved = secret(check(open, 'a space above'));
    assert.notEqual(moved, first);
    assert.equal(moved.span.start, first.span.start + 1);
    open.edit('ARG DB_PASSWORD ', 'ARG DB_PASSWORD');
    assert.equal(secret(check(open, 'the space deleted')), first, 'back where it was: the first object again');
    open.edit('ARG DB_PASSWORD', 'ARG DB_PASSWORD ');
    assert.equal(secret(check(open, 'the space typed again')), moved, 'moved the same way again: the moved object again');
  });

  // Every line of a real Dockerfile, typed at as an editor does: a space at its end, then deleted; Enter
  // at its end, then Backspace. Skipped without the shared corpus.
  it('after a space and a line break typed and deleted at every line of the rabbitmq Dockerfile', function () {
    const file = path.join(REALWORLD, 'dockerfiles/docker-library__rabbitmq/4.0__alpine/Dockerfile');
    if (!fs.existsSync(file)) {
      console.log(`      (skipped: ${file} is absent)`);
      this.skip();
    }
    const open = new OpenDockerfile(fs.readFileSync(file, 'utf8'));
    open.analyse(ruleSet);
    const lineCount = open.text.split('\n').length - 1;
    for (let line = 0; line < lineCount; line += 3) {
      for (const typed of [' ', '\n']) {
        const end = lineEnd(open.text, line);
        open.replace(end, end, typed);
        check(open, `${JSON.stringify(typed)} typed at the end of line ${line + 1}`);
        open.replace(end, end + 1, '');
        check(open, `${JSON.stringify(typed)} deleted at the end of line ${line + 1}`);
      }
    }
  });
});

function lineEnd(text: string, line: number): number {
  let at = 0;
  for (let i = 0; i < line; i++) at = text.indexOf('\n', at) + 1;
  const end = text.indexOf('\n', at);
  return end < 0 ? text.length : end;
}
