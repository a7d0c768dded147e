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
    step('as opened', ['3:48', '5:16', '9:37', '13:39']);
    const typed = open.text.indexOf('db.internal --db') + 'db.internal'.length;
    [...'dev'].forEach((c, i) => open.replace(typed + i, typed + i, c));
    step('a word typed a character at a time before the option on the secret line', ['3:51', '5:16', '9:37', '13:39']);
    for (let i = 3; i > 0; i--) open.replace(typed + i - 1, typed + i, '');
    step('and deleted with Backspace', ['3:48', '5:16', '9:37', '13:39']);
    open.edit('FROM alpine:3.20 AS build', 'FROM alpine:3.20 AS builder');
    open.edit('--from=build ', '--from=builder ');
    step('a stage renamed on its FROM line and where it is used', ['3:48', '5:16', '9:37', '13:39']);
    open.edit('FROM alpine:3.20 AS builder\n', 'FROM alpine:3.20 AS builder\n\n');
    step('Enter after the first FROM: every line below moves', ['4:48', '6:16', '10:37', '14:39']);
    open.edit('FROM alpine:3.20 AS builder\n\n', 'FROM alpine:3.20 AS builder\n');
    step('and Backspace', ['3:48', '5:16', '9:37', '13:39']);
    open.edit('    sshpass -p Qm4vT8kRz2Lx9WnB', '    sshpass -p Qm4vT8kRz2Lx9WnBx');
    step('a character typed in the secret on a continuation line', ['3:48', '5:16', '9:37', '13:39']);
    open.edit('RUN set -eux; \\\n', 'RUN set -eux;\n');
    step('the continuation before it deleted: the sshpass line is no longer a RUN', ['3:48', '5:16', '9:37', '13:39']);
    open.edit('RUN set -eux;\n', 'RUN set -eux; \\\n');
    step('and typed back', ['3:48', '5:16', '9:37', '13:39']);
    open.edit('mysql --host db.internal --password', 'mysql --host db.internal  --password');
    step('a space typed in a heredoc command', ['3:48', '5:16', '9:38', '13:39']);
    open.edit('RUN <<EOF\n', '');
    step('the heredoc opener deleted: its lines are read as they are, one line up', ['3:48', '5:16', '8:38', '12:39']);
    open.edit('set -eux\nmysql', 'RUN <<EOF\nset -eux\nmysql');
    step('and pasted back', ['3:48', '5:16', '9:38', '13:39']);
    const pasted = 'RUN mysqldump --host db.internal --db-password R7vKq2mXz9Lw4T --all-databases > /dump.sql\n';
    open.edit('USER app\n', `${pasted}USER app\n`);
    step('the secret line pasted again lower down (the same line text at two places)', ['3:48', '5:16', '9:38', '13:39', '14:48']);
    open.edit('\n', '\r\n');
    step('a CRLF line break on the first line', ['3:48', '5:16', '9:38', '13:39', '14:48']);
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

