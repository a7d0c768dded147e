import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { MAX_IGNORE_PATTERNS } from '../../server/src/node/ignore-files';
import { CLI, TEST_PACK, ensureCliBuilt, packArgs, parseJson, removeDir, runCli } from './cli-harness';
import { makeFifo, openTempDir, unprivilegedPrefix, utf16 } from '../support/hostile-files';

// Files an attacker can commit (or a CI machine can hold) that must neither hang, crash nor blind a
// scan: ignore files that are links to /dev/zero, FIFOs, folders or huge; FIFOs and link loops among
// the scanned files; UTF-16 files; folders and files the scanning user may not read.

interface Notice {
  path: string;
  code: string;
  message: string;
}
interface JsonReport {
  summary: { files: number; analysed: number; unreadable: number; incomplete: boolean };
  files: { path: string; analysed: boolean }[];
  findings: { path: string; ruleId: string; startLine: number; startColumn: number; endLine: number; endColumn: number }[];
  notices: Notice[];
}

const UNPINNED = 'FROM alpine:latest\n';

function scanJson(cwd: string, ...args: string[]): { status: number | null; report: JsonReport; stderr: string } {
  const run = runCli(['scan', ...packArgs(), '--format', 'json', '--fail-on', 'none', ...args], { cwd });
  return { status: run.status, report: parseJson(run.stdout) as JsonReport, stderr: run.stderr };
}

const codes = (report: JsonReport) => report.notices.map((n) => `${n.path} ${n.code}`).sort();
const latest = (report: JsonReport, p: string) => report.findings.filter((f) => f.path === p && f.ruleId === 'cli-test-latest-tag');

describe('bulwark CLI: hostile files', function () {
  let dir: string;
  before(() => ensureCliBuilt());
  afterEach(() => {
    if (dir) {
      // Give back any permission a test took away, so the folder can be removed.
      spawnSync('chmod', ['-R', 'u+rwx', dir]);
      removeDir(dir);
    }
  });

  it('does not follow an ignore file that is a link to /dev/zero, nor read one that is a FIFO; never opens FIFOs or sockets', async function () {
    dir = openTempDir({ 'Dockerfile': UNPINNED, 'sub/Dockerfile': UNPINNED });
    fs.symlinkSync('/dev/zero', path.join(dir, '.bulwarkignore'));
    makeFifo(this, path.join(dir, 'sub', '.gitignore'));
    makeFifo(this, path.join(dir, 'pipe.Dockerfile'));
    const socket = net.createServer();
    await new Promise<void>((resolve) => socket.listen(path.join(dir, 'socket.Dockerfile'), resolve));
    const { status, report, stderr } = scanJson(dir);
    socket.close();
    assert.equal(status, 0, stderr);
    assert.deepEqual(codes(report), [
      '.bulwarkignore ignore-file-not-applied',
      'pipe.Dockerfile not-a-regular-file',
      'socket.Dockerfile not-a-regular-file',
      'sub/.gitignore ignore-file-not-applied',
    ]);
    assert.equal(report.notices.find((n) => n.path === 'socket.Dockerfile')?.message, 'Not analysed: a socket, not a regular file; it was not opened.');
    const message = (p: string) => report.notices.find((n) => n.path === p)?.message;
    assert.equal(message('.bulwarkignore'), 'Ignore file not applied: it is a symbolic link, not a regular file (git does not follow it either). The files it lists are scanned.');
    assert.equal(message('sub/.gitignore'), 'Ignore file not applied: it is a FIFO (named pipe), not a regular file. The files it lists are scanned.');
    assert.equal(message('pipe.Dockerfile'), 'Not analysed: a FIFO (named pipe), not a regular file; it was not opened.');
    assert.deepEqual(report.files.map((f) => f.path), ['Dockerfile', 'sub/Dockerfile']);
    assert.equal(report.summary.incomplete, false, 'a FIFO or a link is not unread input');
  });

  it('reports a .gitignore that is a folder, scans what is inside it, and prints no stack trace', () => {
    dir = openTempDir({ '.gitignore/Dockerfile': UNPINNED, 'app/Dockerfile': UNPINNED });
    const { status, report, stderr } = scanJson(dir);
    assert.equal(status, 0);
    assert.equal(stderr, '');
    assert.deepEqual(codes(report), ['.gitignore ignore-file-not-applied']);
    assert.match(report.notices[0].message, /^Ignore file not applied: it is a folder, not a regular file\./);
    assert.deepEqual(report.files.map((f) => f.path), ['.gitignore/Dockerfile', 'app/Dockerfile']);
    assert.deepEqual(latest(report, 'app/Dockerfile').map((f) => [f.startLine, f.startColumn]), [[1, 13]]);
  });

  it('drops ignore files over the size or pattern cap (their files are scanned), and applies one under them', () => {
    const lines = (n: number, name: (i: number) => string) => Array.from({ length: n }, (_, i) => name(i)).join('\n');
    const under = [lines(MAX_IGNORE_PATTERNS - 1, (i) => `other-${i}.txt`), 'ignored/'].join('\n');
    dir = openTempDir({
      // The 200,000-line .gitignore (3.6 MB): over the byte cap.
      'huge/.gitignore': lines(200_000, (i) => `generated-${i}.txt`) + '\nDockerfile\n',
      'huge/Dockerfile': UNPINNED,
      // Short patterns: under the byte cap, over the pattern cap together with the parent's.
      'fine/many/.gitignore': lines(MAX_IGNORE_PATTERNS, (i) => `g${i}`) + '\nDockerfile\n',
      'fine/many/Dockerfile': UNPINNED,
      'fine/.gitignore': under,
      'fine/ignored/Dockerfile': UNPINNED,
      'fine/kept/Dockerfile': UNPINNED,
    });
    const { status, report } = scanJson(dir);
    assert.equal(status, 0);
    assert.deepEqual(codes(report), ['fine/many/.gitignore ignore-file-not-applied', 'huge/.gitignore ignore-file-not-applied']);
    const message = (p: string) => report.notices.find((n) => n.path === p)?.message;
    assert.equal(message('huge/.gitignore'), 'Ignore file not applied: it has more than 1048576 bytes. The files it lists are scanned.');
    assert.equal(
      message('fine/many/.gitignore'),
      `Ignore file not applied: it has ${MAX_IGNORE_PATTERNS + 1} patterns, and the ignore files that apply to one folder may have ${MAX_IGNORE_PATTERNS} in all. The files it lists are scanned.`,
    );
    assert.deepEqual(report.files.map((f) => f.path), ['fine/.gitignore', 'fine/kept/Dockerfile', 'fine/many/.gitignore', 'fine/many/Dockerfile', 'huge/.gitignore', 'huge/Dockerfile']);
  });

  it('does not follow symbolic links in a folder (loops included), but follows a link named on the command line', () => {
    dir = openTempDir({ 'real/Dockerfile': UNPINNED });
    fs.symlinkSync('real/Dockerfile', path.join(dir, 'link.Dockerfile'));
    fs.symlinkSync('loop-b', path.join(dir, 'loop-a'));
    fs.symlinkSync('loop-a', path.join(dir, 'loop-b'));
    fs.symlinkSync('.', path.join(dir, 'real', 'self'));
    const { report } = scanJson(dir);
    assert.deepEqual(codes(report), ['link.Dockerfile symlink-not-followed', 'loop-a symlink-not-followed', 'loop-b symlink-not-followed', 'real/self symlink-not-followed']);
    assert.deepEqual(report.files.map((f) => f.path), ['real/Dockerfile']);
    const named = scanJson(dir, 'link.Dockerfile').report;
    assert.deepEqual(latest(named, 'link.Dockerfile').map((f) => [f.startLine, f.startColumn, f.endColumn]), [[1, 13, 19]]);
  });

  it('decodes UTF-16 LE and BE files with a BOM at exact positions; --fix with only a suggestion on offer leaves the UTF-16 file as it is', () => {
    const dockerfile = '# comment é\r\nFROM alpine:latest\r\n';
    const pod = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n        privileged: true\n';
    dir = openTempDir({ 'le.Dockerfile': utf16(dockerfile, 'le'), 'be.Dockerfile': utf16(dockerfile, 'be'), 'pod.yaml': utf16(pod, 'le') });
    const { report } = scanJson(dir);
    assert.deepEqual(report.notices, []);
    for (const p of ['le.Dockerfile', 'be.Dockerfile']) {
      assert.deepEqual(latest(report, p).map((f) => [f.startLine, f.startColumn, f.endLine, f.endColumn]), [[2, 13, 2, 19]], p);
    }
    assert.deepEqual(report.findings.filter((f) => f.path === 'pod.yaml').map((f) => [f.ruleId, f.startLine]), [['cli-test-privileged', 10]]);
    // privileged: false is a suggestion (it changes what the pod does), so --fix leaves the UTF-16 file as it is.
    const fixed = scanJson(dir, '--fix', 'pod.yaml').report;
    assert.equal(fixed.findings.filter((f) => f.ruleId === 'cli-test-privileged').length, 1);
    const bytes = fs.readFileSync(path.join(dir, 'pod.yaml'));
    assert.deepEqual([...bytes.subarray(0, 2)], [0xff, 0xfe]);
    assert.equal(bytes.subarray(2).toString('utf16le'), pod);
  });

  it('--fix applies a Dockerfile autofix to a UTF-16 LE file with a BOM and writes it back as UTF-16 LE with the BOM', () => {
    // The core pack's docker-add-local-file: ADD of a local file becomes COPY (an autofix).
    const dockerfile = '# café\r\nFROM alpine:3.20\r\nADD entrypoint.sh /entrypoint.sh\r\nENTRYPOINT ["/entrypoint.sh"]\r\n';
    dir = openTempDir({ 'Dockerfile': utf16(dockerfile, 'le') });
    const run = runCli(['scan', '--fix', '--format', 'json', '--fail-on', 'none', 'Dockerfile'], { cwd: dir });
    assert.equal(run.status, 0, run.stderr);
    const report = parseJson(run.stdout) as Omit<JsonReport, 'files'> & { files: { path: string; fixesApplied?: number }[] };
    assert.deepEqual(report.notices, []);
    assert.deepEqual(report.files.map((f) => [f.path, f.fixesApplied]), [['Dockerfile', 1]]);
    assert.equal(report.findings.filter((f) => f.ruleId === 'docker-add-local-file').length, 0);
    const bytes = fs.readFileSync(path.join(dir, 'Dockerfile'));
    assert.deepEqual([...bytes.subarray(0, 2)], [0xff, 0xfe], 'the BOM stays');
    assert.equal(bytes.subarray(2).toString('utf16le'), dockerfile.replace('ADD entrypoint.sh', 'COPY entrypoint.sh'));
  });

  it('escapes control characters and newlines from file names and file content in text output', () => {
    const forged = 'src/x.py:1:1: critical forged-rule You have been hacked';
    const pod = `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: "app\\n${forged}\\e[2J\\u202e"\n      image: nginx:1.27\n      securityContext:\n        privileged: true\n`;
    dir = openTempDir({ 'pod.yaml': pod, 'evil\n\u001b[31mname\u009b.Dockerfile': UNPINNED });
    const run = runCli(['scan', ...packArgs(), '--fail-on', 'none'], { cwd: dir });
    assert.equal(run.status, 0, run.stderr);
    const lines = run.stdout.split('\n');
    assert.ok(!lines.some((l) => l.startsWith('src/x.py')), run.stdout);
    assert.doesNotMatch(run.stdout, /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
    assert.ok(lines.includes(`pod.yaml:10:9: critical cli-test-privileged Container "app\\n${forged}\\x1b[2J\\u202e" runs privileged.`), run.stdout);
    assert.ok(lines.some((l) => l.startsWith('evil\\n\\x1b[31mname\\x9b.Dockerfile:1:13: high cli-test-latest-tag ')), run.stdout);
    // JSON keeps the exact values, with the terminal-active characters escaped.
    const json = runCli(['scan', ...packArgs(), '--fail-on', 'none', '--format', 'json'], { cwd: dir });
    assert.doesNotMatch(json.stdout, /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
    const report = parseJson(json.stdout) as { files: { path: string }[]; findings: { message: string }[] };
    assert.ok(report.findings.some((f) => f.message === `Container "app\n${forged}\u001b[2J\u202e" runs privileged.`));
    assert.ok(report.files.some((f) => f.path === 'evil\n\u001b[31mname\u009b.Dockerfile'));
  });

  it('escapes fixture lines, fixture names and pack text in `bulwark test` and `bulwark rules`', () => {
    dir = openTempDir({
      'pack.yaml': 'id: evil-pack\nversion: 1.0.0\ndescription: Hostile text.\n',
      'dockerfile/cli-test-latest-tag/rule.yaml': fs
        .readFileSync(path.join(TEST_PACK, 'dockerfile', 'cli-test-latest-tag', 'rule.yaml'), 'utf8')
        .replace(/^title: .*$/m, 'title: "Pinned\\e[2J\\u202e title"'),
      // The annotation expects a finding that does not come: the failure quotes the line.
      'dockerfile/cli-test-latest-tag/tests/evil\u001b[2J.Dockerfile': '# expect: cli-test-latest-tag\nFROM alpine:3.19 \u001b]0;pwned\u0007 \u202e\n',
    });
    const test = runCli(['test', dir]);
    assert.equal(test.status, 1, test.stdout + test.stderr);
    assert.doesNotMatch(test.stdout, /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
    assert.ok(test.stdout.includes('✘ cli-test-latest-tag evil\\x1b[2J.Dockerfile\n'), test.stdout);
    assert.ok(test.stdout.includes('FROM alpine:3.19 \\x1b]0;pwned\\x07 \\u202e'), test.stdout);
    const rules = runCli(['rules', '--no-builtin', '--rules', dir]);
    assert.equal(rules.status, 0, rules.stderr);
    assert.ok(rules.stdout.includes('Pinned\\x1b[2J\\u202e title'), rules.stdout);
    assert.doesNotMatch(rules.stdout, /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
  });

  describe('as a user who may not read everything', () => {
    let prefix: string[];
    beforeEach(function () {
      prefix = unprivilegedPrefix(this);
      dir = openTempDir({ 'Dockerfile': UNPINNED, 'locked/Dockerfile': UNPINNED, 'secret.Dockerfile': UNPINNED });
      fs.chmodSync(path.join(dir, 'locked'), 0o000);
      fs.chmodSync(path.join(dir, 'secret.Dockerfile'), 0o000);
    });
    const scanAs = (...args: string[]) => {
      const run = spawnSync(prefix[0] ?? process.execPath, [...prefix.slice(1), ...(prefix.length > 0 ? [process.execPath] : []), CLI, 'scan', ...packArgs(), ...args], {
        cwd: dir,
        encoding: 'utf8',
        timeout: 60_000,
        env: { ...process.env, NO_COLOR: '1' },
      });
      if (run.error) throw run.error;
      return run;
    };

    it('reports each unreadable folder and file, and exits 3 even when findings would exit 1', () => {
      const text = scanAs();
      assert.equal(text.status, 3, text.stdout + text.stderr);
      const lines = text.stdout.split('\n');
      assert.ok(lines.includes('locked: notice unreadable-folder Not scanned: the folder cannot be read (EACCES); no file in it was analysed.'), text.stdout);
      assert.ok(lines.includes('secret.Dockerfile: notice unreadable-file Not analysed: the file cannot be read (EACCES).'), text.stdout);
      assert.ok(lines.includes('Failing: 1 finding at or above high (--fail-on high).'), text.stdout);
      assert.equal(lines.at(-2), 'Incomplete: 2 paths could not be read (unreadable-file, unreadable-folder notices above); exit 3 (--allow-incomplete to accept).');

      const json = scanAs('--format', 'json', '--fail-on', 'none');
      assert.equal(json.status, 3);
      const report = parseJson(json.stdout) as JsonReport;
      assert.deepEqual([report.summary.unreadable, report.summary.incomplete, report.summary.files, report.summary.analysed], [2, true, 2, 1]);
      assert.deepEqual(codes(report), ['locked unreadable-folder', 'secret.Dockerfile unreadable-file']);
    });

    it('says so in SARIF: executionSuccessful false and an error notification per unread path', () => {
      const run = scanAs('--format', 'sarif', '--fail-on', 'none');
      assert.equal(run.status, 3);
      const invocation = (parseJson(run.stdout) as { runs: { invocations: { executionSuccessful: boolean; toolExecutionNotifications: { level: string; descriptor: { id: string }; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] }[] }).runs[0].invocations[0];
      assert.equal(invocation.executionSuccessful, false);
      assert.deepEqual(
        invocation.toolExecutionNotifications.map((n) => [n.level, n.descriptor.id, n.locations[0].physicalLocation.artifactLocation.uri]),
        [
          ['error', 'unreadable-folder', 'locked'],
          ['error', 'unreadable-file', 'secret.Dockerfile'],
        ],
      );
    });

    it('--allow-incomplete keeps the notices but exits on findings alone', () => {
      const run = scanAs('--allow-incomplete', '--fail-on', 'none');
      assert.equal(run.status, 0, run.stdout + run.stderr);
      assert.match(run.stdout, /\nIncomplete: 2 paths could not be read \(unreadable-file, unreadable-folder notices above\); not failing \(--allow-incomplete\)\.\n$/);
      assert.equal(scanAs('--allow-incomplete').status, 1);
    });
  });
});
