import * as assert from 'node:assert/strict';
import { analyze, type AnalysisResult, type Rule, type RuleSet } from '../../../server/src/engine';
import { parseText } from '../../../server/src/engine/parsers/text';
import { FileWindows, windowSpans, WINDOWED_MIN_LENGTH } from '../../../server/src/engine/text-windows';
import type { TextLookaround } from '../../../server/src/engine/types';
import { SectionParseCache } from '../../../server/src/lsp/section-parse-cache';
import { builtinPackRoot, loadRuleSet } from '../../../server/src/node/rule-packs';

// The command-line model (command-line.ts, command-secrets.ts) reads a file's `#!` line and whole continued
// command lines. In the editor a large file is read in windows (text-windows.ts), which hold neither the first
// line of the file nor, by their lookaround alone, the start of a command continued over many lines: the editor
// then missed secrets the CLI (the whole file) finds. Here the editor's path (a cache kept across edits) is
// compared with a fresh whole-file analysis on such files, as written and after typing at and near the command.

const NOW = new Date('2026-06-01T00:00:00Z');
const RULE = 'secret-generic-password';

/** Each result by rule, span and fixes: nothing of a secret is printed when two differ. */
function shape(result: AnalysisResult): string[] {
  return [...result.findings.map((f) => `${f.ruleId} ${f.span.start}-${f.span.end} ${f.id} ${JSON.stringify(f.fixes)}`), ...result.suppressed.map((s) => `suppressed ${s.finding.ruleId} ${s.finding.span.start}`)];
}

/** The editor's analysis of `text` (windows, the cache kept from the versions before) against a fresh whole-file one. */
function assertSame(uri: string, text: string, ruleSet: RuleSet, cache: SectionParseCache, step: string): AnalysisResult {
  const editor = analyze({ uri, text }, ruleSet, { now: NOW, cache, textWindows: true });
  cache.endAnalysis();
  const whole = analyze({ uri, text }, ruleSet, { now: NOW });
  assert.deepEqual(shape(editor), shape(whole), `${uri} ${step}: the editor's windows and the whole file differ`);
  return whole;
}

/** Shell lines that hold none of the rule's keywords. */
function filler(from: number, count: number, indent = ''): string {
  let out = '';
  for (let i = from; i < from + count; i++) out += `${indent}echo "building part ${i} of the release, step ${i % 7} of seven" >> build.log\n`;
  return out;
}

/** A continued command of `lines` long path arguments, `secretOption` on the line before its last. */
function continuedCommand(name: string, secretOption: string, lines: number, indent: string): string {
  let out = `${indent}${name} \\\n`;
  for (let i = 0; i < lines; i++) out += `${indent}  generated/module-${String(i).padStart(3, '0')}/resources/assets/compiled/bundle/chunk/part/archive/web/static/images/icons/vendor/thirdparty/licensed/fonts/member-of-the-generated-release-bundle-${i}.dat \\\n`;
  return `${out}${indent}  ${secretOption} \\\n${indent}  --verbose\n`;
}

interface Layout {
  readonly text: string;
  /** Where the command's first line and its secret start. */
  readonly command: number;
  readonly secret: number;
}

/**
 * A file over the windowed size whose command is cut by a window as the lookaround alone places it: the window of
 * the chunk holding the secret opens after the command's first line. Chunks are cut by line content, so the
 * filler before the command is grown a line at a time until the cut falls there.
 */
function cutCommand(fileName: string, head: string, command: string, secret: string, indent: string, lookaround: TextLookaround, crlf: boolean): Layout {
  const asWithoutContinuations = { ...lookaround, continuedLines: false };
  const eol = (s: string) => (crlf ? s.replace(/\n/g, '\r\n') : s);
  command = eol(command);
  for (let before = 300; before < 1200; before++) {
    const prefix = eol(head + filler(0, before, indent));
    const text = prefix + command + eol(filler(before, 1500 - before, indent));
    const model = parseText(text, fileName);
    const cores = new FileWindows(model, new Map(), new Map()).chunks();
    const secretAt = prefix.length + command.indexOf(secret);
    const core = cores.findIndex((c) => c.start <= secretAt && secretAt < c.end);
    const window = windowSpans(model, [cores[core]], asWithoutContinuations)[0];
    if (window.start > prefix.length) return { text, command: prefix.length, secret: secretAt };
  }
  throw new Error(`no layout of ${fileName} puts a window's start inside its command`);
}

describe('command-line secrets in large files: the editor (windows) and the CLI (whole file) agree', function () {
  this.timeout(120_000);
  const { ruleSet } = loadRuleSet([builtinPackRoot()]);
  const rule = ruleSet.rules.find((r) => r.meta.id === RULE) as Rule;

  /** The rule's one report on the whole text: the secret, exactly. */
  function assertFound(result: AnalysisResult, at: number, secret: string, what: string): void {
    const found = result.findings.filter((f) => f.ruleId === RULE);
    assert.deepEqual(found.map((f) => f.span), [{ start: at, end: at + secret.length }], `${what}: the whole file's finding`);
  }

  it('reads an extensionless script as commands by its #! line in every window, and again when the line is edited', () => {
    const secret = 'Qm4vT8kRz2Lx9WnB';
    const line = `sshpass -p ${secret} ssh deploy@build.internal uptime\n`;
    const head = '#!/bin/bash\nset -euo pipefail\n';
    const before = head + filler(0, 900);
    let text = before + line + filler(900, 300);
    assert.ok(before.length > 3 * WINDOWED_MIN_LENGTH / 4 && text.length > WINDOWED_MIN_LENGTH, 'the command is far from the start of a windowed file');
    const uri = 'file:///workspace/scripts/deploy';
    const cache = new SectionParseCache();
    const at = before.length + line.indexOf(secret);
    assertFound(assertSame(uri, text, ruleSet, cache, 'as written'), at, secret, 'as written');
    // Typing on the #! line: what every window reads changes with it.
    const edits: [string, (t: string) => string, boolean][] = [
      ['#!/usr/bin/python3', (t) => t.replace('#!/bin/bash', '#!/usr/bin/python3'), false],
      ['#!/bin/bash again', (t) => t.replace('#!/usr/bin/python3', '#!/bin/bash'), true],
      ['#!/usr/bin/env bash', (t) => t.replace('#!/bin/bash', '#!/usr/bin/env bash'), true],
      ['a line typed above the command', (t) => t.replace(line, `echo "about to seed"\n${line}`), true],
      ['a space typed in the command', (t) => t.replace(line, line.replace('ssh deploy', 'ssh  deploy')), true],
    ];
    for (const [step, change, finds] of edits) {
      const changed = change(text);
      assert.notEqual(changed, text, `${step} changes the text`);
      text = changed;
      const result = assertSame(uri, text, ruleSet, cache, step);
      assert.equal(result.findings.filter((f) => f.ruleId === RULE).length, finds ? 1 : 0, `${step}: the whole file's findings`);
    }
  });

  const cases: { name: string; fileName: string; head: string; indent: string; command: string; option: string; crlf?: boolean }[] = [
    { name: "a .sh script's 7z command with a table short option", fileName: 'release.sh', head: '#!/bin/sh\n', indent: '', command: '7z a release.7z', option: '-pR7vKq2mXz9Lw4T' },
    // Line ends written CRLF: windows are then placed by the line index, and a continuation is `\` before the CR.
    { name: "a CRLF .sh script's 7z command with a table short option", fileName: 'release.sh', head: '#!/bin/sh\n', indent: '', command: '7z a release.7z', option: '-pR7vKq2mXz9Lw4T', crlf: true },
    { name: "a CI job's zip command with a table short option", fileName: 'ci.yml', head: 'jobs:\n  build:\n    steps:\n      - run: |\n', indent: '          ', command: 'zip -r release.zip', option: '-P R7vKq2mXz9Lw4T' },
    { name: "a CI job's command with a secret-named option", fileName: 'ci.yml', head: 'jobs:\n  build:\n    steps:\n      - run: |\n', indent: '          ', command: 'mysqldump --host db.internal', option: '--db-password R7vKq2mXz9Lw4T' },
  ];
  for (const c of cases) {
    it(`reads ${c.name} continued over a window's start, at and near it`, () => {
      const secret = 'R7vKq2mXz9Lw4T';
      const command = continuedCommand(c.command, c.option, 36, c.indent);
      const lookaround = rule.lookaround?.(c.fileName);
      assert.ok(lookaround, `${RULE} runs on windows of ${c.fileName}`);
      const layout = cutCommand(c.fileName, c.head, command, secret, c.indent, lookaround, c.crlf === true);
      const uri = `file:///workspace/${c.fileName}`;
      const cache = new SectionParseCache();
      assertFound(assertSame(uri, layout.text, ruleSet, cache, 'as written'), layout.secret, secret, 'as written');
      const lines = layout.text.slice(layout.command).split(c.crlf ? '\r\n' : '\n');
      const eol = c.crlf ? '\r\n' : '\n';
      const edits: [string, (t: string) => string, boolean][] = [
        ['a space typed after the secret', (t) => t.slice(0, layout.secret + secret.length) + ' ' + t.slice(layout.secret + secret.length), true],
        ['a character typed in a path of the command', (t) => t.replace('bundle-20.dat', 'bundle-20x.dat'), true],
        ['a line typed above the command', (t) => t.slice(0, layout.command) + `${c.indent}echo "packing"${eol}` + t.slice(layout.command), true],
        ['a continued line typed after the command name', (t) => t.replace(`${lines[0]}${eol}`, `${lines[0]}${eol}${c.indent}  extra/member.dat \\${eol}`), true],
        // Without its first continuation the command's name is on a line of its own: a table option is then no one's.
        ['the first continuation deleted', (t) => t.replace(`${lines[0]}${eol}`, `${lines[0].slice(0, -2)}${eol}`), !c.option.startsWith('-p') && !c.option.startsWith('-P')],
      ];
      let text = layout.text;
      for (const [step, change, finds] of edits) {
        const changed = change(text);
        assert.notEqual(changed, text, `${step} changes the text`);
        text = changed;
        const result = assertSame(uri, text, ruleSet, cache, step);
        assert.equal(result.findings.filter((f) => f.ruleId === RULE).length, finds ? 1 : 0, `${step}: the whole file's findings`);
      }
    });
  }
});
