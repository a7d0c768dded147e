import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze, type AnalysisResult, type ParseCache, type RuleSet } from '../../../server/src/engine';
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
  const finding = (f: AnalysisResult['findings'][number]) => JSON.stringify([f.ruleId, f.id, f.severity, f.span, f.message, f.fixes]);
  return [...result.findings.map(finding), ...result.suppressed.map((s) => `suppressed ${finding(s.finding)}`), ...result.notices.map((n) => `notice ${JSON.stringify(n)}`)];
}

function assertSame(uri: string, text: string, ruleSet: RuleSet, cache: ParseCache & { endAnalysis(): void }, step: string): number {
  const cached = analyze({ uri, text }, ruleSet, { now: NOW, cache });
  cache.endAnalysis();
  const whole = analyze({ uri, text }, ruleSet, { now: NOW });
  const a = shape(cached);
  const b = shape(whole);
  const at = a.findIndex((line, i) => line !== b[i]);
  if (at >= 0 || a.length !== b.length) {
    const differing = (at >= 0 ? at : Math.min(a.length, b.length));
    const where = (line: string | undefined) => (line ? line.slice(0, line.indexOf(',"')) + ' ' + JSON.stringify(JSON.parse(line.startsWith('[') ? line : '[]')[3] ?? null) : 'nothing');
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

describe('text rules on windows of a file (the editor cache)', function () {
  this.timeout(60_000);
  const { ruleSet } = loadRuleSet([builtinPackRoot()]);
  const files = corpusFiles();

  it('gives every file of the secrets corpus the same results as the whole-file analysis', () => {
    let findings = 0;
    for (const file of files) findings += assertSame(file, fs.readFileSync(path.join(SECRETS_CORPUS, file), 'utf8'), ruleSet, new SectionParseCache(), 'as committed');
    assert.ok(findings > 100, `the corpus should give many findings, got ${findings}`);
  });

  const folders = [...new Set(files.filter((f) => f.includes('/')).map((f) => f.split('/')[0]))].filter((f) => f !== 'k8s' && f !== 'skipped');
  for (const folder of folders) {
    it(`keeps the same results through random edits of a large ${folder} file`, () => {
      const own = files.filter((f) => f.startsWith(`${folder}/`));
      const uri = `file:///work/large/${path.posix.basename(own[0])}`;
      let text = largeFile(own, 48 * 1024);
      const cache = new SectionParseCache();
      const rng = new SeededRandom(folder.length * 7919 + folder.charCodeAt(0));
      assert.ok(assertSame(uri, text, ruleSet, cache, 'before any edit') > 0 || folder === 'traps');
      for (let i = 1; i <= 30; i++) {
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
});
