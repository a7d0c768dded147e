import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze, type AnalysisResult, type CheckContext, type ParseCache, type Report, type Rule, type RuleSet } from '../../../server/src/engine';
import { parseText, type TextModel } from '../../../server/src/engine/parsers/text';
import { chunkCores, TextWindows, unionLookaround, windowSpans, WINDOWED_MIN_LENGTH } from '../../../server/src/engine/text-windows';
import { chunkResults, type ChunkReader } from '../../../server/src/engine/chunk-results';
import type { Span } from '../../../server/src/engine/types';
import { SectionParseCache } from '../../../server/src/lsp/section-parse-cache';
import { builtinPackRoot, loadRuleSet } from '../../../server/src/node/rule-packs';
import { SeededRandom } from '../../bench/random';
import { sourceText } from '../../bench/generate';
import { SECRETS_CORPUS, corpusFiles } from '../../support/secrets-corpus';

// With the editor's cache, text rules run on windows of a file and reuse each window's reports while its
// text is unchanged (server/src/engine/text-windows.ts). That must never change a result: here every
// file of the secrets corpus, and large files made of it, are analysed with and without a cache, and
// again after each of a series of random edits (the cache kept across them, as the editor keeps it).

const NOW = new Date('2026-06-01T00:00:00Z');

/** What a result says, in a form whose first difference is readable without printing any secret. */
function shape(result: AnalysisResult): string[] {
  const finding = (f: AnalysisResult['findings'][number]) => JSON.stringify({ ruleId: f.ruleId, span: f.span, id: f.id, severity: f.severity, message: f.message, fixes: f.fixes });
  return [...result.findings.map(finding), ...result.suppressed.map((s) => `suppressed ${finding(s.finding)}`), ...result.notices.map((n) => `notice ${JSON.stringify(n)}`)];
}

function assertSame(uri: string, text: string, ruleSet: RuleSet, cache: ParseCache & { endAnalysis(): void }, step: string): number {
  const cached = analyze({ uri, text }, ruleSet, { now: NOW, cache, textWindows: true });
  cache.endAnalysis();
  const whole = analyze({ uri, text }, ruleSet, { now: NOW });
  const a = shape(cached);
  const b = shape(whole);
  const at = a.findIndex((line, i) => line !== b[i]);
  if (at >= 0 || a.length !== b.length) {
    const differing = at >= 0 ? at : Math.min(a.length, b.length);
    // Rule id and span only: a message is masked, but nothing of a finding need be printed to locate it.
    const where = (line: string | undefined) => (line ? line.split(',"message')[0].replace(/"[0-9a-f]{16,}",/, '') : 'nothing');
    assert.fail(`${uri} ${step}: windows gave ${a.length} results, the whole file ${b.length}; first difference #${differing}: ${where(a[differing])} vs ${where(b[differing])}`);
  }
  return whole.findings.length;
}

/** A random edit of the kinds a person makes: typing, new and deleted lines, pasted and cut blocks. */
function edit(text: string, rng: SeededRandom): string {
  const at = rng.int(0, text.length);
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const lineEnd = text.indexOf('\n', at) < 0 ? text.length : text.indexOf('\n', at);
  switch (rng.int(0, 6)) {
    case 0:
      return text.slice(0, at) + rng.pick([' ', 'a', '"', '=', ':', 'x']) + text.slice(at);
    case 1:
      return text.slice(0, at) + '\n' + text.slice(at);
    case 2:
      return text.slice(0, lineStart) + text.slice(Math.min(text.length, lineEnd + 1));
    case 3:
      return text.slice(0, at) + text.slice(Math.min(text.length, at + rng.int(1, 400)));
    case 4: {
      // A line from elsewhere (often a secret) pasted here: findings move into new neighbourhoods.
      const from = rng.int(0, text.length);
      const s = text.lastIndexOf('\n', from - 1) + 1;
      const e = text.indexOf('\n', from) < 0 ? text.length : text.indexOf('\n', from) + 1;
      return text.slice(0, lineStart) + text.slice(s, e) + text.slice(lineStart);
    }
    case 5:
      return text.slice(0, at) + text.slice(Math.max(0, at - rng.int(1, 3000)), at) + text.slice(at);
    default:
      return text.slice(0, at) + text.slice(Math.min(text.length, at + 1));
  }
}

/** The corpus files of one folder, repeated to `bytes`: many findings, cut into many windows. */
function largeFile(files: readonly string[], bytes: number): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const text = fs.readFileSync(path.join(SECRETS_CORPUS, files[i % files.length]), 'utf8');
    parts.push(text.endsWith('\n') ? text : text + '\n');
    size += text.length + 1;
  }
  return parts.join('');
}

/** A rule's reports on the whole text, as analyze() runs it without a cache, by position. */
function wholeReports(rule: Rule, model: TextModel): Report[] {
  const reports: Report[] = [];
  (rule.check as (m: TextModel, ctx: CheckContext) => void)(model, { now: NOW, uri: model.path, report: (r) => reports.push(r) });
  return byPosition(reports);
}

/**
 * A rule's reports from windows, as analyze() gives them with a cache: the windows' reports, then for a rule
 * with a whole-file step that step, its per-chunk scans read in `chunks` (kept in the cache across edits).
 */
function windowedReports(rule: Rule, model: TextModel, windows: TextWindows, chunks: { cores: Span[]; cache: ParseCache; analysis: object }): Report[] {
  const windowReports = windows.reports(rule, { now: NOW, uri: model.path });
  if (!rule.wholeFileStep?.(model.fileName)) return windowReports;
  const reports: Report[] = [];
  const read = <R>(reader: ChunkReader<R>): R[] => chunkResults(model.text, chunks.cores, reader, chunks.cache, chunks.analysis);
  (rule.check as (m: TextModel, ctx: CheckContext) => void)(model, { now: NOW, uri: model.path, windowReports, chunkResults: read, report: (r) => reports.push(r) });
  return reports;
}

function byPosition(reports: Report[]): Report[] {
  return reports.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
}

/** Where two rules' report lists first differ, by span only (a report's data may hold a key name, never a secret). */
function firstDifference(a: readonly Report[], b: readonly Report[]): string | undefined {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (JSON.stringify(a[i]) !== JSON.stringify(b[i])) return `report #${i}: ${JSON.stringify(a[i]?.span)} vs ${JSON.stringify(b[i]?.span)}`;
  }
  return undefined;
}

describe('text rules on windows of a file (the editor cache)', function () {
  this.timeout(60_000);
  const { ruleSet } = loadRuleSet([builtinPackRoot()]);
  const files = corpusFiles();

  it('gives every file of the secrets corpus the same results as the whole-file analysis', () => {
    let findings = 0;
    for (const file of files) findings += assertSame(file, fs.readFileSync(path.join(SECRETS_CORPUS, file), 'utf8'), ruleSet, new SectionParseCache(), 'as committed');
    assert.ok(findings > 100, `the corpus should give many findings, got ${findings}`);
  });

  // Cuts after about every other line: multi-line findings (a value on the line below its key, a call's
  // third argument, a PEM block, context lines) straddle window edges everywhere. Each rule must give on
  // windows exactly what it gives on the whole text; with the lookaround made zero this fails.
  it('gives each windowed rule its whole-file reports when chunks are cut after almost every line', function () {
    // Code files' credential tuples are compared too (their whole-file step reads a chunk per line or two here).
    this.timeout(240_000);
    const tiny = { minChunk: 1, maxChunk: 256, cutOneIn: 2 };
    const cache = new SectionParseCache();
    let compared = 0;
    const inputs: (readonly [string, string])[] = files.map((f) => [f, fs.readFileSync(path.join(SECRETS_CORPUS, f), 'utf8')] as const);
    // Then successive edits of one large file: most windows come from the store, kept from the version before.
    const rng = new SeededRandom(11);
    let big = sourceText(new SeededRandom(7), 'ts', 64 * 1024);
    for (let i = 0; i < 12; i++, big = edit(big, rng)) inputs.push(['big.ts', big]);
    for (const [file, text] of inputs) {
      const model = parseText(text, file);
      const lookarounds = new Map(ruleSet.rules.flatMap((r) => (r.meta.language === 'text' && r.lookaround?.(model.fileName) ? [[r, r.lookaround(model.fileName)!] as const] : [])));
      if (lookarounds.size === 0) continue;
      const windows = new TextWindows(model, cache, unionLookaround([...lookarounds.values()]), tiny);
      const cores = chunkCores(model, tiny);
      for (const rule of lookarounds.keys()) {
        const whole = wholeReports(rule, model);
        const windowed = byPosition(windowedReports(rule, model, windows, { cores, cache, analysis: windows }));
        const difference = firstDifference(windowed, whole);
        if (difference) assert.fail(`${rule.meta.id} on ${file}: ${windowed.length} reports on windows, ${whole.length} on the whole text; ${difference}`);
        compared += whole.length;
      }
      cache.endAnalysis();
    }
    assert.ok(compared > 150, `expected many reports to compare, got ${compared}`);
  });

  const folders = [...new Set(files.filter((f) => f.includes('/')).map((f) => f.split('/')[0]))].filter((f) => f !== 'k8s' && f !== 'skipped');
  for (const folder of folders) {
    it(`keeps the same results through random edits of a large ${folder} file`, () => {
      const own = files.filter((f) => f.startsWith(`${folder}/`));
      const uri = `file:///work/large/${path.posix.basename(own[0])}`;
      let text = largeFile(own, WINDOWED_MIN_LENGTH + 8 * 1024);
      const cache = new SectionParseCache();
      const rng = new SeededRandom(folder.length * 7919 + folder.charCodeAt(0));
      assert.ok(assertSame(uri, text, ruleSet, cache, 'before any edit') > 0 || folder === 'traps');
      for (let i = 1; i <= 8; i++) {
        text = edit(text, rng);
        assertSame(uri, text, ruleSet, cache, `after edit ${i}`);
      }
    });
  }

  it('keeps the same results through random edits of the generated bench source (TypeScript, Python)', () => {
    for (const [flavour, name] of [['ts', 'big.ts'], ['py', 'big.py']] as const) {
      let text = sourceText(new SeededRandom(20261206), flavour, 192 * 1024);
      const cache = new SectionParseCache();
      const rng = new SeededRandom(42);
      assert.ok(assertSame(name, text, ruleSet, cache, 'before any edit') > 20);
      for (let i = 1; i <= 20; i++) {
        text = edit(text, rng);
        assertSame(name, text, ruleSet, cache, `after edit ${i}`);
      }
    }
  });

  it('cuts a text with no CR into the same chunks and windows by its LFs as by the line index', () => {
    const texts = [
      '',
      '\n',
      'a',
      'a\n',
      '\n\n\n',
      `${'x'.repeat(40_000)}\n${'y\n'.repeat(30_000)}`,
      `${'z\n'.repeat(50_000)}end`,
      sourceText(new SeededRandom(20261206), 'ts', 192 * 1024),
      sourceText(new SeededRandom(7), 'py', 96 * 1024),
    ];
    const arounds = [{ linesBefore: 0, linesAfter: 0 }, { linesBefore: 3, linesAfter: 5 }, { linesBefore: 2, linesAfter: 2, charsBefore: 4096, charsAfter: 4096 }, { linesBefore: 0, linesAfter: 0, charsAfter: 1600 }];
    const chunkings = [{ minChunk: 4096, maxChunk: 32_768, cutOneIn: 16 }, { minChunk: 1, maxChunk: 50, cutOneIn: 2 }];
    let windows = 0;
    for (const text of texts) {
      const model = parseText(text, 'big.ts');
      for (const chunking of chunkings) {
        const cores = chunkCores(model, chunking, false);
        assert.deepEqual(cores, chunkCores(model, chunking, true));
        for (const around of arounds) {
          const byLf = windowSpans(model, cores, around, false);
          assert.deepEqual(byLf, windowSpans(model, cores, around, true), JSON.stringify(around));
          windows += byLf.length;
        }
      }
    }
    assert.ok(windows > 10_000, `${windows} windows compared`);
  });

  it('moves the kept reports of unchanged windows when a line typed above moves them, and keeps them where none moved', () => {
    // Each window keeps its reports placed in the file (TextWindows.placedReports): a line added at the top
    // moves every window, so a placement kept by window text alone would be stale by that line's length.
    const text = sourceText(new SeededRandom(20261206), 'ts', 192 * 1024);
    const cache = new SectionParseCache();
    const spans = (t: string) => {
      const result = analyze({ uri: 'big.ts', text: t }, ruleSet, { now: NOW, cache, textWindows: true });
      cache.endAnalysis();
      assert.deepEqual(shape(result), shape(analyze({ uri: 'big.ts', text: t }, ruleSet, { now: NOW })));
      return result.findings.map((f) => f.span.start);
    };
    const before = spans(text);
    assert.ok(before.length > 20);
    const moved = spans(`// a comment line\n${text}`);
    assert.deepEqual(moved, before.map((s) => s + '// a comment line\n'.length));
    // Typing at the end of the file moves no window: the same placements, and the same results.
    assert.deepEqual(spans(`// a comment line\n${text} `), moved);
    assert.deepEqual(spans(text), before);
  });

  it('re-checks a rule that reads a few lines around on a small window, not on the wide windows of the assignment rule', () => {
    const text = sourceText(new SeededRandom(20261206), 'ts', 192 * 1024);
    const read = new Map<string, number[]>();
    const counted = (id: string): Rule => {
      const rule = ruleSet.rules.find((r) => r.meta.id === id);
      assert.ok(rule?.lookaround, `${id} runs on windows`);
      return { ...rule, check: (model: TextModel, ctx: CheckContext) => (read.get(id)?.push(model.text.length), (rule.check as (m: TextModel, c: CheckContext) => void)(model, ctx)) };
    };
    const rules = [counted('secret-github-token'), counted('secret-generic-password')];
    const counting: RuleSet = { ...ruleSet, rules };
    const cache = new SectionParseCache();
    const run = (t: string) => {
      const result = analyze({ uri: 'big.ts', text: t }, counting, { now: NOW, cache, textWindows: true });
      cache.endAnalysis();
      assert.deepEqual(shape(result), shape(analyze({ uri: 'big.ts', text: t }, counting, { now: NOW })));
    };
    run(text);
    const at = text.indexOf('\n', text.length / 2);
    read.set('secret-github-token', []).set('secret-generic-password', []);
    run(text.slice(0, at) + ' ' + text.slice(at));
    const narrow = read.get('secret-github-token') ?? [];
    const wide = read.get('secret-generic-password') ?? [];
    assert.ok(narrow.length >= 1 && wide.length >= 1, 'both rules re-check the edited place');
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    // The narrow rule's windows are its chunk and a few lines; the wide rule's carry 4 KB on each side.
    assert.ok(sum(narrow) + 8192 <= sum(wide), `re-checked ${sum(narrow)} characters for the token rule, ${sum(wide)} for the assignment rule`);
  });
});
