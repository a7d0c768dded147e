import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze, indexFile, LineIndex, type AnalysisResult, type RuleSet } from '../../../server/src/engine';
import { builtinPackRoot, loadRuleSet } from '../../../server/src/node/rule-packs';
import { EditableDocument } from '../../../server/src/lsp/editable-document';
import { SectionParseCache } from '../../../server/src/lsp/section-parse-cache';
import { SeededRandom } from '../../bench/random';
import { dockerfileText } from '../../bench/generate';
import { REALWORLD } from '../../support/shared-folder';
import { comparable } from '../../support/open-dockerfile';

// The language server analyses an open document with what it cached from earlier versions (parsed YAML
// sections and their memoised text-rule reports, Dockerfile models, RUN scripts) and indexes its facts
// with the same cache. Whatever is cached, the result must be the one a fresh analysis of the same text
// gives: here random edits are typed into real files of the reference corpus, and after each one the
// cached path (EditableDocument + SectionParseCache, as the server runs it) is compared with a fresh
// analysis, finding for finding, notice for notice, fact for fact.

const NOW = new Date('2026-06-01T00:00:00Z');

/** Edits a user makes: typing, deleting, new lines and document markers, and security-relevant text. */
const SNIPPETS: Readonly<Record<'yaml' | 'dockerfile', readonly string[]>> = {
  yaml: [' ', 'a', '\n', '\n---\n', '#', '  privileged: true\n', '        - name: TOKEN\n          value: ghp_1234567890abcdefghijklmnopqrstuvwxyzAB\n', '{{ .x }}', 'kind: Pod\n', '"', ':', '# bulwark-ignore k8s-privileged-container,k8s-image-latest-tag reason="test"\n'],
  dockerfile: [' ', 'a', '\n', '\\\n', '#', 'RUN curl -k https://example.com/x | sh\n', 'USER root\n', 'FROM node:latest\n', 'ENV GITHUB_TOKEN=ghp_1234567890abcdefghijklmnopqrstuvwxyzAB\n', '"', '<<EOF\n'],
};

interface Edit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

function randomEdit(random: SeededRandom, text: string, kind: 'yaml' | 'dockerfile'): Edit {
  const at = random.int(0, text.length);
  // Prefer places at the end of a line, where typing usually happens.
  const lineEnd = text.indexOf('\n', at);
  const start = outsideCrlf(text, random.next() < 0.5 ? (lineEnd < 0 ? text.length : lineEnd) : at);
  const roll = random.next();
  if (roll < 0.35) return { start, end: outsideCrlf(text, Math.min(text.length, start + random.int(1, 40))), text: '' };
  if (roll < 0.5) return { start, end: outsideCrlf(text, Math.min(text.length, start + random.int(1, 3))), text: random.pick(SNIPPETS[kind]) };
  return { start, end: start, text: random.pick(SNIPPETS[kind]) };
}

/** An editor position never falls between the CR and the LF of a line break. */
function outsideCrlf(text: string, offset: number): number {
  return offset > 0 && text.charCodeAt(offset - 1) === 13 && text.charCodeAt(offset) === 10 ? offset - 1 : offset;
}

/** Every fact location's range must be its span's position in the whole text. */
function assertLocations(facts: unknown, text: string, what: string): void {
  const lines = new LineIndex(text);
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      const v = value as { span?: { start: number; end: number }; range?: unknown };
      if (v.span && v.range) assert.deepEqual(v.range, { start: lines.positionAt(v.span.start), end: lines.positionAt(v.span.end) }, `${what}: a fact's range`);
      Object.values(value).forEach(visit);
    }
  };
  visit(facts);
}

/** The language server's path: one open document, its parse cache, facts indexed before each analysis. */
class OpenDocument {
  private readonly doc: EditableDocument;
  private readonly cache = new SectionParseCache();
  private version = 1;

  constructor(
    readonly uri: string,
    readonly languageId: string,
    text: string,
  ) {
    this.doc = EditableDocument.create(uri, languageId, 1, text);
  }

  apply(edit: Edit): void {
    const range = { start: this.doc.positionAt(edit.start), end: this.doc.positionAt(edit.end) };
    this.doc.update([{ range, text: edit.text }], ++this.version);
  }

  analyse(ruleSet: RuleSet): { text: string; facts: unknown; result: AnalysisResult } {
    const text = this.doc.getText();
    const facts = indexFile({ uri: this.uri, text, languageId: this.languageId }, this.cache);
    // As the server analyses: with text windows (large files, and large sections of a manifest).
    const result = analyze({ uri: this.uri, text, languageId: this.languageId }, ruleSet, { cache: this.cache, now: NOW, textWindows: true });
    this.cache.endAnalysis();
    return { text, facts, result };
  }
}

function corpusFiles(): { file: string; languageId: string; kind: 'yaml' | 'dockerfile'; edits: number; crlf?: boolean }[] {
  const pick = (dir: string, filter: (name: string) => boolean, count: number, seed: number): string[] => {
    const root = path.join(REALWORLD, dir);
    const all = fs.readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => filter(f) && fs.statSync(path.join(root, f)).isFile()).sort();
    return new SeededRandom(seed).shuffle(all).slice(0, count).map((f) => path.join(root, f));
  };
  const dockerfiles = pick('dockerfiles', (f) => /Dockerfile[^/]*$/.test(f), 6, 11).map((file) => ({ file, languageId: 'dockerfile', kind: 'dockerfile' as const, edits: 25 }));
  // Workloads, where most rules report (a file with no finding in any version would prove little).
  const workload = (f: string) => {
    const full = path.join(REALWORLD, 'k8s', f);
    return /\.ya?ml$/.test(f) && fs.statSync(full).size < 200_000 && /^kind: *(?:Deployment|StatefulSet|DaemonSet|Pod|Job|CronJob) *$/m.test(fs.readFileSync(full, 'utf8'));
  };
  const manifests = pick('k8s', workload, 6, 12).map((file) => ({ file, languageId: 'yaml', kind: 'yaml' as const, edits: 25 }));
  const named = [
    { file: path.join(REALWORLD, 'k8s/argoproj__argo-cd/manifests__install.yaml'), languageId: 'yaml', kind: 'yaml' as const, edits: 6 },
    { file: path.join(REALWORLD, 'dockerfiles/docker-library__rabbitmq/4.0__alpine/Dockerfile'), languageId: 'dockerfile', kind: 'dockerfile' as const, edits: 25 },
    // Line ends written CRLF: fact locations and findings are counted in lines of either kind.
    { file: path.join(REALWORLD, 'k8s/kubernetes__ingress-nginx/deploy__static__provider__cloud__deploy.yaml'), languageId: 'yaml', kind: 'yaml' as const, edits: 15, crlf: true },
  ].filter((f) => fs.existsSync(f.file));
  return [...named, ...dockerfiles, ...manifests];
}

/**
 * Constructs a keystroke must not confuse when the parse keeps unchanged instructions (positions by line
 * and column, an escape directive, continuations, heredocs, ONBUILD, JSON form, SHELL, stages).
 */
const CONSTRUCTS = [
  '# escape=`',
  'ARG BASE=alpine:3.20',
  'FROM ${BASE} AS build',
  'SHELL ["/bin/sh", "-c"]',
  'RUN apk add --no-cache curl `',
  '    && curl -k https://example.com/x | sh',
  'RUN <<EOF',
  'set -eux',
  'curl -fsSL https://example.com/install.sh | sh',
  'EOF',
  'COPY <<EOF /etc/app.conf',
  'password=hunter2',
  'EOF',
  'ENV GITHUB_TOKEN=ghp_1234567890abcdefghijklmnopqrstuvwxyzAB',
  'ONBUILD RUN wget --no-check-certificate https://example.com/y',
  'FROM build',
  'RUN ["sh", "-c", "apt-get update && apt-get upgrade -y"]',
  'COPY --chmod=777 id_rsa /root/.ssh/id_rsa',
  'EXPOSE 22',
  'WORKDIR /proc/x',
  'USER root',
  'CMD ["./start.sh"]',
  '',
].join('\n');

/** Random edits typed into one document, each checked against a fresh analysis (and facts), mostly undone. */
function typeInto(ruleSet: RuleSet, name: string, original: string, languageId: string, kind: 'yaml' | 'dockerfile', edits: number, seed: number): void {
  const random = new SeededRandom(seed);
  let expected = original;
  const uri = `file:///workspace/${name}`;
  const open = new OpenDocument(uri, languageId, expected);
  open.analyse(ruleSet);
  let findings = 0;
  const check = (edit: Edit, what: string) => {
    expected = expected.slice(0, edit.start) + edit.text + expected.slice(edit.end);
    open.apply(edit);
    const cached = open.analyse(ruleSet);
    assert.equal(cached.text, expected, `${what}: the open document's text`);
    const fresh = analyze({ uri, text: expected, languageId }, ruleSet, { now: NOW });
    assert.deepEqual(comparable(cached.result), comparable(fresh), `${what} (${JSON.stringify(edit)}): cached and fresh analyses differ`);
    assert.deepEqual(cached.facts, indexFile({ uri, text: expected, languageId }), `${what}: cached and fresh facts differ`);
    assertLocations(cached.facts, expected, what);
    findings += fresh.findings.length;
  };
  for (let i = 0; i < edits; i++) {
    const edit = randomEdit(random, expected, kind);
    const removed = expected.slice(edit.start, edit.end);
    check(edit, `edit ${i}`);
    // Mostly undone, as typing is: the section's earlier text comes back and must hit the cache right.
    if (random.next() < 0.6) check({ start: edit.start, end: edit.start + edit.text.length, text: removed }, `undo of edit ${i}`);
  }
  // The edits must leave something to compare: files whose every version has no finding prove little.
  assert.ok(findings > 0, 'no finding in any edited version');
}

describe('incremental analysis equals a fresh analysis', function () {
  this.timeout(300_000);
  let ruleSet: RuleSet;

  before(function () {
    ruleSet = loadRuleSet([builtinPackRoot()]).ruleSet;
  });

  // Generated, so they run without the corpus too.
  it('a Dockerfile of every construct the parse keeps between keystrokes: 60 random edits', () => {
    typeInto(ruleSet, 'Dockerfile', CONSTRUCTS, 'dockerfile', 'dockerfile', 60, 7);
  });

  it('a generated 1,500-line Dockerfile (CRLF): 12 random edits', () => {
    typeInto(ruleSet, 'Dockerfile', dockerfileText(new SeededRandom(5), 1500).replace(/\n/g, '\r\n'), 'dockerfile', 'dockerfile', 12, 8);
  });

  describe('in files of the reference corpus', () => {
    // Without ../shared there are no files to list, so no test would run and none would say why: one
    // pending test says it instead.
    if (!fs.existsSync(REALWORLD)) {
      it('skipped: the real-world corpus is absent', function () {
        console.log(`      (skipped: ${REALWORLD} not found; the corpus lives in ../shared beside the repository)`);
        this.skip();
      });
      return;
    }
    corpusFiles().forEach(({ file, languageId, kind, edits, crlf }, n) => {
      it(`${path.relative(REALWORLD, file)}${crlf ? ' (CRLF)' : ''}: ${edits} random edits`, () => {
        const original = fs.readFileSync(file, 'utf8');
        typeInto(ruleSet, path.basename(file), crlf ? original.replace(/\r?\n/g, '\r\n') : original, languageId, kind, edits, 1000 + n);
      });
    });
  });
});
