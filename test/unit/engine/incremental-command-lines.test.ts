import * as assert from 'node:assert/strict';
import { analyze, type AnalysisResult, type RuleSet } from '../../../server/src/engine';
import { SectionParseCache } from '../../../server/src/lsp/section-parse-cache';
import { builtinPackRoot, loadRuleSet } from '../../../server/src/node/rule-packs';
import { ANALYSIS_NOW, DOCKERFILE_URI, OpenDockerfile } from '../../support/open-dockerfile';

// In the editor the command-line model keeps each logical line's secrets under the line's text between
// keystrokes (command-line-memo.ts) and moves them to where the line now is. Typed into one open Dockerfile
// as the server keeps it, every edit below must give what a fresh analysis gives, finding for finding, and
// a keystroke must read again only the lines it changed.

const RULE = 'secret-generic-password';
const KEPT_LINE_KEY = '\u0002command-line:';

const START = [
  'FROM alpine:3.20 AS build',
  'RUN apk add --no-cache mariadb-client sshpass',
  'RUN mysqldump --host db.internal --db-password R7vKq2mXz9Lw4T --all-databases > /dump.sql',
  'RUN set -eux; \\',
  '    sshpass -p Qm4vT8kRz2Lx9WnB scp deploy@build.internal:/release.tgz /tmp/ \\',
  '    && tar -xzf /tmp/release.tgz',
  'RUN <<EOF',
  'set -eux',
  'mysql --host db.internal --password Wd5Hs9Qk3Lm7Xv2R -e "select 1"',
  'EOF',
  'FROM alpine:3.20',
  'COPY --from=build /dump.sql /dump.sql',
  'RUN docker login registry.example.com Tq8Wm2Kx7Rv4Ln9P',
  'USER app',
  '',
].join('\n');

/** Each finding by rule, span, fingerprint and fixes: nothing of a secret is printed when two differ. */
function shape(result: AnalysisResult): string[] {
  return [...result.findings.map((f) => `${f.ruleId} ${f.span.start}-${f.span.end} ${f.id} ${JSON.stringify(f.fixes)}`), ...result.notices.map((n) => `notice ${n.code}`)];
}

/** Where the rule's findings are, as `line:column` (1-based). */
function places(result: AnalysisResult, text: string): string[] {
  return result.findings.filter((f) => f.ruleId === RULE).map((f) => {
    const before = text.slice(0, f.span.start);
    return `${before.split('\n').length}:${f.span.start - before.lastIndexOf('\n')}`;
  });
}

/** A document's cache that counts the lines the command-line model reads (a line kept is not written again). */
class CountingCache extends SectionParseCache {
  linesRead = 0;
  override set(key: string, value: unknown): void {
    if (key.startsWith(KEPT_LINE_KEY)) this.linesRead++;
    super.set(key, value);
  }
}

describe('command-line secrets kept per line in the editor equal a fresh analysis', function () {
  this.timeout(120_000);
  let ruleSet: RuleSet;

  before(() => {
    ruleSet = loadRuleSet([builtinPackRoot()]).ruleSet;
  });

  it('after typing, Enter, Backspace, paste and edits of FROM lines, continuations and heredocs', () => {
    const open = new OpenDockerfile(START);
    const step = (what: string, expected: string[]) => {
      const kept = open.analyse(ruleSet);
      const fresh = analyze({ uri: DOCKERFILE_URI, text: open.text, languageId: 'dockerfile' }, ruleSet, { now: ANALYSIS_NOW });
      assert.deepEqual(shape(kept), shape(fresh), `${what}: the editor's and a fresh analysis differ`);
      assert.deepEqual(places(kept, open.text), expected, `${what}: where ${RULE} reports`);
    };
    const BASE = ['3:48', '5:16', '9:37', '13:39'];
    step('as opened', BASE);
    const typed = open.text.indexOf('db.internal --db') + 'db.internal'.length;
    [...'dev'].forEach((c, i) => open.replace(typed + i, typed + i, c));
    step('a word typed a character at a time before the option on the secret line', ['3:51', '5:16', '9:37', '13:39']);
    for (let i = 3; i > 0; i--) open.replace(typed + i - 1, typed + i, '');
    step('and deleted with Backspace', BASE);
    const pasted = 'RUN mysqldump --host db.internal --db-password R7vKq2mXz9Lw4T --all-databases > /dump.sql\n';
    const SPACED = ['3:48', '5:16', '9:38', '13:39'];
    // Each edit replaces the first occurrence of its text, then where the rule reports after it.
    const edits: [string, [string, string][], string[]][] = [
      ['a stage renamed on its FROM line and where it is used', [['FROM alpine:3.20 AS build', 'FROM alpine:3.20 AS builder'], ['--from=build ', '--from=builder ']], BASE],
      ['Enter after the first FROM: every line below moves', [['FROM alpine:3.20 AS builder\n', 'FROM alpine:3.20 AS builder\n\n']], ['4:48', '6:16', '10:37', '14:39']],
      ['and Backspace', [['FROM alpine:3.20 AS builder\n\n', 'FROM alpine:3.20 AS builder\n']], BASE],
      ['a character typed in the secret on a continuation line', [['    sshpass -p Qm4vT8kRz2Lx9WnB', '    sshpass -p Qm4vT8kRz2Lx9WnBx']], BASE],
      ['the continuation before it deleted: the sshpass line is no longer a RUN', [['RUN set -eux; \\\n', 'RUN set -eux;\n']], BASE],
      ['and typed back', [['RUN set -eux;\n', 'RUN set -eux; \\\n']], BASE],
      ['a space typed in a heredoc command', [['mysql --host db.internal --password', 'mysql --host db.internal  --password']], SPACED],
      ['the heredoc opener deleted: its lines are read as they are, one line up', [['RUN <<EOF\n', '']], ['3:48', '5:16', '8:38', '12:39']],
      ['and pasted back', [['set -eux\nmysql', 'RUN <<EOF\nset -eux\nmysql']], SPACED],
      ['the secret line pasted again lower down (the same line text at two places)', [['USER app\n', `${pasted}USER app\n`]], [...SPACED, '14:48']],
      ['a CRLF line break on the first line', [['\n', '\r\n']], [...SPACED, '14:48']],
    ];
    for (const [what, changes, expected] of edits) {
      for (const [find, replace] of changes) open.edit(find, replace);
      step(what, expected);
    }
  });

  it('a keystroke reads again the command lines it changed, not the others', () => {
    const cache = new CountingCache();
    const analyseText = (text: string) => {
      analyze({ uri: DOCKERFILE_URI, text, languageId: 'dockerfile' }, ruleSet, { cache, now: ANALYSIS_NOW, textWindows: true });
      cache.endAnalysis();
    };
    analyseText(START);
    const opened = cache.linesRead;
    assert.equal(opened, 5, 'the five logical lines holding a command keyword are read when the file is opened');
    cache.linesRead = 0;
    analyseText(START.replace('--db-password R7vKq2mXz9Lw4T', '--db-password R7vKq2mXz9Lw4Tx'));
    assert.equal(cache.linesRead, 1, 'a character typed on one command line');
    cache.linesRead = 0;
    analyseText(`# a comment typed above\n${START}`);
    assert.equal(cache.linesRead, 1, 'a line typed above every command (the lines moved, the edited one is the changed secret line)');
  });
});

