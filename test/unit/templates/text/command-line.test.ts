import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { commandsIn, logicalLineAt } from '../../../../server/src/engine/templates/text/command-line';
import { secretAssignment } from '../../../../server/src/engine/templates/text/secret-assignment';
import { runTemplate } from './run-template';

// The command-line model (command-line.ts, command-secrets.ts): words read like a shell reads them, with each
// character's offset in the file, and the secrets the model reads from them through the core pack's parameters.
// Values are made up here.

const V = 'Tn6qW2xLp9Rk4ZvB8cMd';
const CORE = (parse(fs.readFileSync(path.join(__dirname, '../../../../rules/core/secrets/secret-generic-password/rule.yaml'), 'utf8')) as { match: { params: Record<string, unknown> } }).match.params;

function words(text: string, at = 0): string[][] {
  const line = logicalLineAt(text, at);
  return commandsIn(text, line.start, line.end).map((c) => c.map((w) => w.text));
}

describe('command lines read like a shell reads them', () => {
  it('joins continuation lines (\\, PowerShell backtick, cmd caret) into one logical line', () => {
    for (const c of ['\\', '`', '^']) {
      const text = `tool -a 1 ${c}\n  -b 2 ${c}\r\n  -c 3\nnext line\n`;
      assert.deepEqual(logicalLineAt(text, text.indexOf('-b')), { start: 0, end: text.indexOf('\nnext') });
      assert.deepEqual(words(text, text.indexOf('-c')), [['tool', '-a', '1', '-b', '2', '-c', '3']]);
    }
  });
  it('removes quotes, keeps escapes, splits at control operators and reads comments out', () => {
    const commands = words(`a 'b c' "d\\"e" f\\ g && h;i | j $(k l) # m n`);
    assert.deepEqual(commands.filter((c) => c[0] !== 'b' && c[0] !== 'd"e'), [['a', 'b c', 'd"e', 'f g'], ['h'], ['i'], ['j'], ['k', 'l']]);
  });
  it('reads a quoted part holding blanks as a command of its own (sh -c, an npm script, an MSBuild attribute)', () => {
    assert.deepEqual(words(`sh -c "7z a -pX out.7z"`), [['7z', 'a', '-pX', 'out.7z'], ['sh', '-c', '7z a -pX out.7z']]);
    assert.deepEqual(words(`<Exec Command="signtool /f &quot;a b.pfx&quot; /p X" />`).find((c) => c[0] === 'signtool'), ['signtool', '/f', 'a b.pfx', '/p', 'X']);
  });
  it('gives each character of a word its offset in the file, through quotes and XML entities', () => {
    const text = `x\nsigntool /f &quot;c.pfx&quot; -p'${V}'\n`;
    const line = logicalLineAt(text, 3);
    const glued = commandsIn(text, line.start, line.end)[0].find((w) => w.text.startsWith('-p'));
    assert.ok(glued);
    const start = glued.offsets[2];
    assert.equal(text.slice(start, glued.offsets[glued.text.length - 1] + 1), V);
  });
  it('marks words that expand something, outside single quotes only', () => {
    const text = `t --a "$X" --b '$Y' --c %Z% --d \${{ s.t }} --e "\${W}"`;
    const expands = commandsIn(text, 0, text.length)[0].filter((w) => !w.text.startsWith('--')).map((w) => [w.text, w.expands]);
    assert.deepEqual(expands.slice(0, 4), [['t', false], ['$X', true], ['$Y', false], ['%Z%', true]]);
  });
});

describe('text-secret-assignment: secrets on command lines', () => {
  const found: [string, string, string][] = [
    ['a single-dash option on a continuation line (Dockerfile RUN)', 'Dockerfile', `RUN tool -batchmode \\\n      -password '${V}' \\\n      -quit\n`],
    ['a glued archive password (7-Zip)', 'build.sh', `7z a -t7z -p'${V}' out.7z dir\n`],
    ['a table option after a wrapper (xcrun altool)', 'release.sh', `xcrun altool --upload-app -f a.ipa -u me@example.test -p '${V}'\n`],
    ['an option value behind the pass: convention', 'sign.sh', `apksigner sign --ks a.jks --ks-pass pass:${V} a.apk\n`],
    ['a Windows signtool /p inside an MSBuild Exec command', 'App.csproj', `<Exec Command="signtool sign /f a.pfx /p ${V} App.exe" />\n`],
    ['a login with a user and a password (+login)', 'upload.sh', `steamcmd +login builder '${V}' +quit\n`],
    ['a login token alone', 'ci.yml', `    - run: tool login ${V}\n`],
    ['a table argument in a string of another language', 'main.pkr.hcl', `  user_data = base64encode("<powershell>net user packer ${V}</powershell>")\n`],
    ['a secret-named query parameter of a URL on a command line', 'up.sh', `curl -X POST "https://h.example.test/post?format=x&token=${V}"\n`],
  ];
  for (const [what, file, text] of found) {
    it(`finds ${what}`, () => {
      const run = runTemplate(secretAssignment, CORE, file, text);
      assert.deepEqual(run.spanned, [V]);
    });
  }
  const quiet: [string, string, string][] = [
    ['an environment reference', 'build.sh', `tool -password "$TOOL_PASSWORD" -quit\n`],
    ['an env: source', 'sign.sh', `apksigner sign --ks a.jks --ks-pass env:KS_PASS a.apk\n`],
    ['-p of a command without a password -p', 'copy.sh', `cp -p '${V}' /tmp/\n`],
    ['a lone login argument that is a host', 'ci.yml', `    - run: docker login registry.example.test\n`],
    ['a command line in a file that holds no commands', 'notes.md', `tool -password '${V}'\n`],
    ['a heredoc body', 'make.sh', `cat > a.txt <<'EOF'\ntool login ${V}\nEOF\n`],
  ];
  for (const [what, file, text] of quiet) {
    it(`stays quiet on ${what}`, () => {
      assert.deepEqual(runTemplate(secretAssignment, CORE, file, text).spanned, []);
    });
  }
});
