import * as assert from 'node:assert/strict';
import { finalUser } from '../../../../server/src/engine/templates/dockerfile/final-user';
import { MALFORMED, runnerFor } from './helpers';

// dockerfile-final-user: which user the shipped image runs as, and where the suggested USER goes.

interface Case {
  readonly name: string;
  readonly text: string;
  readonly underlined: readonly string[];
  readonly fixed?: string;
}

describe('template dockerfile-final-user', () => {
  describe('report: root', () => {
    const run = runnerFor(finalUser, { report: 'root' });
    const cases: Case[] = [
      { name: 'root in the final stage', text: 'FROM a\nUSER root\nCMD x\n', underlined: ['root'], fixed: 'FROM a\nUSER 10001:10001\nCMD x\n' },
      { name: 'uid 0 with a group', text: 'FROM a\nUSER 0:0\n', underlined: ['0:0'], fixed: 'FROM a\nUSER 10001:10001\n' },
      { name: 'root:group, lower case', text: 'from a\nuser root:wheel\n', underlined: ['root:wheel'], fixed: 'from a\nuser 10001:10001\n' },
      { name: 'the last USER wins', text: 'FROM a\nUSER root\nRUN x\nUSER app\n', underlined: [] },
      { name: 'a build stage may run as root', text: 'FROM a AS build\nUSER root\nFROM b\nUSER app\n', underlined: [] },
      { name: 'variable with an ARG default', text: 'FROM a\nARG U=root\nUSER ${U}\n', underlined: ['${U}'] },
      { name: 'variable without a default', text: 'FROM a\nARG U\nUSER $U\n', underlined: [] },
      { name: 'inherited from the parent stage: USER inserted in the final stage', text: 'FROM a AS base\nUSER root\nFROM base\nCOPY x /x\nCMD ["x"]\n', underlined: ['root'], fixed: 'FROM a AS base\nUSER root\nFROM base\nCOPY x /x\nUSER 10001:10001\nCMD ["x"]\n' },
      { name: 'inherited from a stage named by a variable', text: 'ARG BASE=base\nFROM a AS base\nUSER root\nFROM $BASE\nCMD x\n', underlined: ['root'], fixed: 'ARG BASE=base\nFROM a AS base\nUSER root\nFROM $BASE\nUSER 10001:10001\nCMD x\n' },
      { name: 'ONBUILD USER does not count', text: 'FROM a\nUSER app\nONBUILD USER root\n', underlined: [] },
      { name: 'no USER at all is the other rule', text: 'FROM a\nRUN x\n', underlined: [] },
    ];
    for (const c of cases) {
      it(c.name, () => {
        const outcome = run(c.text);
        assert.deepEqual(outcome.underlined, c.underlined);
        if (c.fixed !== undefined) assert.equal(outcome.fixed, c.fixed);
      });
    }
  });

  describe('report: missing', () => {
    const run = runnerFor(finalUser, { report: 'missing', nonRootImages: ':nonroot$' });
    const cases: Case[] = [
      { name: 'before CMD, after the last build step', text: 'FROM a\nRUN x\nEXPOSE 80\nCMD ["x"]\n', underlined: ['a'], fixed: 'FROM a\nRUN x\nEXPOSE 80\nUSER 10001:10001\nCMD ["x"]\n' },
      { name: 'above the comments of the ENTRYPOINT, with its indentation', text: 'FROM a\nRUN x\n  # start\n  ENTRYPOINT ["x"]\nCMD ["y"]\n', underlined: ['a'], fixed: 'FROM a\nRUN x\n  USER 10001:10001\n  # start\n  ENTRYPOINT ["x"]\nCMD ["y"]\n' },
      { name: 'a CMD followed by RUN: after the RUN', text: 'FROM a\nCMD ["x"]\nRUN y\n', underlined: ['a'], fixed: 'FROM a\nCMD ["x"]\nRUN y\nUSER 10001:10001\n' },
      { name: 'at the end, without a final line break', text: 'FROM a\nRUN x', underlined: ['a'], fixed: 'FROM a\nRUN x\nUSER 10001:10001\n' },
      { name: 'CRLF', text: 'FROM a\r\nRUN x\r\nCMD x\r\n', underlined: ['a'], fixed: 'FROM a\r\nRUN x\r\nUSER 10001:10001\r\nCMD x\r\n' },
      { name: 'lower-case file', text: 'from a\nrun x\n', underlined: ['a'], fixed: 'from a\nrun x\nuser 10001:10001\n' },
      { name: 'after a heredoc', text: 'FROM a\nRUN <<EOF\necho\nEOF\n', underlined: ['a'], fixed: 'FROM a\nRUN <<EOF\necho\nEOF\nUSER 10001:10001\n' },
      { name: 'scratch', text: 'FROM scratch\nCOPY x /x\n', underlined: ['scratch'] },
      { name: 'user inherited from an earlier stage', text: 'FROM a AS base\nUSER app\nFROM base\nRUN x\n', underlined: [] },
      { name: 'stage aliases are case-insensitive', text: 'FROM a AS Base\nUSER app\nFROM BASE\n', underlined: [] },
      { name: 'a non-root base image', text: 'FROM gcr.io/distroless/static:nonroot\nCOPY x /x\n', underlined: [] },
      { name: 'user inherited from a stage chosen by a variable', text: 'ARG DIST=debug\nFROM a AS debug\nUSER app\nFROM ${DIST:-debug}\n', underlined: [] },
      { name: 'a non-root base image whose registry is a variable', text: 'FROM ${REGISTRY}/static:nonroot\nCOPY x /x\n', underlined: [] },
      { name: 'only build stages set a user', text: 'FROM a AS build\nUSER app\nFROM b\n', underlined: ['b'] },
    ];
    for (const c of cases) {
      it(c.name, () => {
        const outcome = run(c.text);
        assert.deepEqual(outcome.underlined, c.underlined);
        if (c.fixed !== undefined) assert.equal(outcome.fixed, c.fixed);
      });
    }

    it('never loops on stages that name each other', () => {
      assert.doesNotThrow(() => run('FROM b AS a\nFROM a AS b\nFROM b\n'));
    });
  });

  it('survives malformed Dockerfiles', () => {
    for (const report of ['root', 'missing']) {
      const run = runnerFor(finalUser, { report });
      for (const text of MALFORMED) assert.doesNotThrow(() => run(text), JSON.stringify(text.slice(0, 40)));
    }
  });
});
