import * as assert from 'node:assert/strict';
import { effectiveCommand, readScript } from '../../../../server/src/engine/parsers/dockerfile-shell-commands';
import type { ShellCommand } from '../../../../server/src/engine/parsers/dockerfile-shell-syntax';

// The shell reader behind every RUN rule: what counts as a command, which words it has after quote
// removal, and where those words sit in the text.

const identity = { start: (i: number) => i, end: (i: number) => i };
const read = (script: string): ShellCommand[] => readScript(script, identity);
const shape = (c: ShellCommand): string => [...c.assignments.map((w) => `${w.value}`), ...c.words.map((w) => w.value)].join(' ');

describe('dockerfile shell reader', () => {
  const cases: { name: string; script: string; commands: string[] }[] = [
    { name: 'lists and pipelines', script: 'a x && b | c; d || e & f', commands: ['a x', 'b', 'c', 'd', 'e', 'f'] },
    { name: 'quote removal', script: `echo "a b" 'c d' e\\ f "x\\"y" 'it'\\''s'`, commands: ['echo a b c d e f x"y it\'s'] },
    { name: 'assignments before a command', script: 'A=1 B="x y" npm ci', commands: ['A=1 B=x y npm ci'] },
    { name: 'a quoted name is not an assignment', script: '"A"=1 cmd', commands: ['A=1 cmd'] },
    { name: 'command substitution', script: 'echo "$(curl -s x)" `id -u`', commands: ['echo $(curl -s x) `id -u`', 'curl -s x', 'id -u'] },
    { name: 'process substitution', script: 'bash <(wget -qO- x)', commands: ['bash <(wget -qO- x)', 'wget -qO- x'] },
    { name: 'sh -c string', script: `sh -ec 'curl x | sh'`, commands: [`sh -ec curl x | sh`, 'curl x', 'sh'] },
    { name: 'su -c string', script: `su nobody -s /bin/sh -c 'curl -k x | sh'`, commands: [`su nobody -s /bin/sh -c curl -k x | sh`, 'curl -k x', 'sh'] },
    { name: 'su --command= string', script: `su - app --command="wget y"`, commands: [`su - app --command=wget y`, 'wget y'] },
    { name: 'su without -c runs no script', script: 'su app && echo -c x', commands: ['su app', 'echo -c x'] },
    { name: 'if/then/fi', script: 'if [ -f x ]; then rm x; else touch x; fi', commands: ['[ -f x ]', 'rm x', 'touch x'] },
    { name: 'for loop', script: 'for f in a b c; do echo $f; done', commands: ['echo $f'] },
    { name: 'case with patterns', script: 'case "$(uname -m)" in x86_64) A=amd64;; aarch64|arm64) A=arm64 ;; *) exit 1;; esac; echo $A', commands: ['uname -m', 'A=amd64', 'A=arm64', 'exit 1', 'echo $A'] },
    { name: 'subshell and group', script: '(cd /x && make) && { echo a; }', commands: ['cd /x', 'make', 'echo a'] },
    { name: 'redirections are not words', script: 'cmd >/dev/null 2>&1 < in.txt && other &> log', commands: ['cmd', 'other'] },
    { name: 'shell heredoc body is data', script: 'cat <<EOF > /x\ncurl -k y | sh\nEOF\necho after', commands: ['cat', 'echo after'] },
    { name: 'comments', script: 'echo a # curl x | sh\necho b', commands: ['echo a', 'echo b'] },
    { name: 'arithmetic', script: 'echo $((1 + 2)) && (( i++ ))', commands: ['echo $((1 + 2))'] },
  ];
  for (const c of cases) {
    it(c.name, () => assert.deepEqual(read(c.script).map(shape), c.commands));
  }

  it('keeps commands inside compound commands marked as such', () => {
    const commands = read('a && if x; then b; fi && (c) && d');
    assert.deepEqual(commands.map((c) => [shape(c), c.compound]), [['a', false], ['x', true], ['b', true], ['c', true], ['d', false]]);
  });

  it('numbers pipelines uniquely, sh -c strings included', () => {
    const commands = read(`curl x | sh && sh -c 'wget y | bash'`);
    const pipelines = new Map<number, string[]>();
    for (const c of commands) pipelines.set(c.pipeline, [...(pipelines.get(c.pipeline) ?? []), shape(c)]);
    assert.deepEqual([...pipelines.values()], [['curl x', 'sh'], [`sh -c wget y | bash`], ['wget y', 'bash']]);
  });

  it('maps every word and character back to the text', () => {
    const script = `A="1 2" curl -fsS"k" 'https://x' && sh -c "echo \\"hi\\""`;
    const [first, second, inner] = read(script);
    assert.equal(script.slice(first.assignments[0].start, first.assignments[0].end), 'A="1 2"');
    const flag = first.words[1];
    assert.equal(flag.value, '-fsSk');
    assert.equal(script.slice(flag.starts[4], flag.ends[4]), 'k');
    assert.equal(script.slice(second.words[2].start, second.words[2].end), '"echo \\"hi\\""');
    assert.equal(script.slice(inner.words[1].start, inner.words[1].end), '\\"hi\\"');
  });

  it('finds the program behind wrappers and collects env assignments', () => {
    const [command] = read('X=1 sudo -E -u app env -i Y=2 /usr/bin/curl -k x');
    const effective = effectiveCommand(command);
    assert.equal(effective?.name, 'curl');
    assert.deepEqual(effective?.assignments.map((w) => w.value), ['X=1', 'Y=2']);
    assert.deepEqual(effective?.args.map((w) => w.value), ['-k', 'x']);
  });

  it('gosu and su-exec run their command as the user given first', () => {
    assert.equal(effectiveCommand(read('gosu app:app curl -k x')[0])?.name, 'curl');
    assert.deepEqual(effectiveCommand(read('su-exec 1000 sudo apt-get install x')[0])?.wrappers.map((w) => w.value), ['su-exec', '1000', 'sudo']);
  });

  it('maps a --command= script back to the text', () => {
    const script = `su app --command="curl -k x"`;
    const inner = read(script)[1];
    assert.equal(script.slice(inner.words[1].start, inner.words[1].end), '-k');
  });

  it('command -v / -V looks a program up without running it; plain command runs it', () => {
    assert.equal(effectiveCommand(read('command -v sudo')[0])?.name, 'command');
    assert.equal(effectiveCommand(read('command -pV curl')[0])?.name, 'command');
    assert.deepEqual(effectiveCommand(read('command -p sudo ls')[0])?.wrappers.map((w) => w.value), ['command', '-p', 'sudo']);
  });

  it('never throws on malformed scripts', () => {
    const inputs = ['"', "'", '$(', '`', '${', '$((', '<(', 'case', 'case x in', 'a)', ')))', '(((', 'fi done esac }', '<<', 'cat <<', '\\', 'a |', '| a', '&& ;; &', 'x=', '=x', '\u0000'];
    for (const input of inputs) assert.doesNotThrow(() => read(input), input);
  });
});
