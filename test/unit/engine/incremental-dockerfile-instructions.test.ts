import * as assert from 'node:assert/strict';
import { analyze, type RuleSet } from '../../../server/src/engine';
import { builtinPackRoot, loadRuleSet } from '../../../server/src/node/rule-packs';
import { ANALYSIS_NOW, DOCKERFILE_URI, OpenDockerfile, comparable } from '../../support/open-dockerfile';

// The editor's parse keeps instructions it did not read again (dockerfile-ast-reuse.ts), moves those an
// Enter shifted, and keeps what rules derive from one instruction's text (ENV/ARG pairs, a FROM's image)
// with it in offsets from its start (dockerfile-text-memo.ts). Typed at every line of a Dockerfile with
// global ARGs, stage references, secrets in ENV and ARG and ONBUILD triggers, one keystroke after the
// other into one open document, each analysis must be a fresh analysis's, finding for finding.

const START = [
  '# syntax=docker/dockerfile:1',
  'ARG REGISTRY=docker.io',
  'ARG BASE=${REGISTRY}/library/node:20',
  'FROM ${BASE} AS build',
  'ENV GITHUB_TOKEN=ghp_1234567890abcdefghijklmnopqrstuvwxyzAB NODE_ENV=production',
  'ARG DB_PASSWORD=hunter2hunter2',
  'RUN npm ci \\',
  '    && npm run build',
  'ONBUILD ENV API_KEY=sk_live_1234567890abcdefghijklmn',
  'FROM python:3.12-slim AS tools',
  'ENV PIP_NO_CACHE_DIR=1 \\',
  '    SECRET_KEY="AKIAIOSFODNN7EXAMPLE"',
  'FROM build',
  'COPY --from=tools /usr/local /usr/local',
  'FROM alpine:latest',
  'USER root',
  '',
].join('\n');

/** Each typed at every line, in this order, on what the one before left (the last ones undo the first). */
const KEYSTROKES: readonly [string, (line: string) => { from: number; to: number; text: string }][] = [
  ['Enter at the start', () => ({ from: 0, to: 0, text: '\n' })],
  ['a letter at the end', (l) => ({ from: l.length, to: l.length, text: 'x' })],
  ['a space in the middle', (l) => ({ from: l.length >> 1, to: l.length >> 1, text: ' ' })],
  ['that space deleted', (l) => ({ from: (l.length - 1) >> 1, to: ((l.length - 1) >> 1) + 1, text: '' })],
  ['the letter deleted', (l) => ({ from: l.length - 1, to: l.length, text: '' })],
];

describe('Dockerfile instructions kept and moved by the editor equal a fresh analysis', () => {
  it('after keystrokes at every line, typed one after the other', function () {
    this.timeout(120_000);
    const ruleSet: RuleSet = loadRuleSet([builtinPackRoot()]).ruleSet;
    const open = new OpenDockerfile(START);
    open.analyse(ruleSet);
    let compared = 0;
    const lines = START.split('\n').length;
    for (let n = 0; n < lines; n++) {
      for (const [what, keystroke] of KEYSTROKES) {
        // Line n moved down by one after the Enter above it, until the end of that line's keystrokes.
        const at = what === 'Enter at the start' ? n : n + 1;
        const text = open.text;
        let start = 0;
        for (let i = 0; i < at; i++) start = text.indexOf('\n', start) + 1;
        const lineEnd = text.indexOf('\n', start);
        const { from, to, text: typed } = keystroke(text.slice(start, lineEnd < 0 ? text.length : lineEnd));
        open.replace(start + from, start + to, typed);
        const cached = open.analyse(ruleSet);
        const fresh = analyze({ uri: DOCKERFILE_URI, text: open.text, languageId: 'dockerfile' }, ruleSet, { now: ANALYSIS_NOW });
        assert.deepEqual(comparable(cached), comparable(fresh), `line ${n + 1}, ${what}`);
        compared++;
      }
    }
    assert.equal(compared, lines * KEYSTROKES.length);
    // The file as typed keeps the secrets and images the rules look at: the comparison is not of empty results.
    const rules = new Set(open.analyse(ruleSet).findings.map((f) => f.ruleId));
    for (const id of ['docker-secret-in-env', 'docker-image-not-digest-pinned', 'docker-image-latest-tag']) assert.ok(rules.has(id), `${id} among ${[...rules].join(', ')}`);
  });
});
