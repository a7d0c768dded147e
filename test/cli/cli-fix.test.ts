import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { copyWorkspace, ensureCliBuilt, packArgs, parseJson, removeDir, runCli } from './cli-harness';
import { scanInProcess, tempDir } from './in-process';
import { httpRule, pingPongRule, ruleSetOf, stepRule, todoRule } from './synthetic-rules';

// --fix: autofixes only, re-analysed until stable, BOM and line endings kept. Synthetic rules make
// each behaviour observable whatever the core pack offers; cli-core-pack.test.ts repeats it on real rules.

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const rules = ruleSetOf(httpRule, todoRule, stepRule);

describe('bulwark CLI: --fix', function () {
  let dir: string;
  afterEach(() => dir && removeDir(dir));

  it('applies autofixes, never suggestions, and reports what remains', () => {
    dir = tempDir({ 'notes.txt': 'TODO fetch http://a.example and http://b.example\n' });
    const report = scanInProcess(dir, rules, ['--fix']);
    assert.equal(fs.readFileSync(path.join(dir, 'notes.txt'), 'utf8'), 'TODO fetch https://a.example and https://b.example\n');
    const [file] = report.files;
    assert.equal(file.fixesApplied, 2);
    assert.deepEqual(file.findings.map((f) => f.ruleId), ['synthetic-todo']);
  });

  it('re-analyses after each pass until nothing is left to fix', () => {
    dir = tempDir({ 'plan.txt': 'step1\nstep2\n' });
    const report = scanInProcess(dir, rules, ['--fix']);
    assert.equal(fs.readFileSync(path.join(dir, 'plan.txt'), 'utf8'), 'step3\nstep3\n');
    assert.equal(report.files[0].fixesApplied, 3, 'step1 needs two passes, step2 one');
    assert.deepEqual(report.files[0].findings, []);
  });

  it('keeps CRLF line endings and the BOM, and leaves other bytes alone', () => {
    const original = Buffer.concat([BOM, Buffer.from('url: http://x.example\r\nnext: café\r\n\r\nlast: http://y.example\r\n', 'utf8')]);
    dir = tempDir({ 'crlf.txt': original });
    const report = scanInProcess(dir, rules, ['--fix']);
    const written = fs.readFileSync(path.join(dir, 'crlf.txt'));
    assert.deepEqual(written.subarray(0, 3), BOM);
    assert.equal(written.subarray(3).toString('utf8'), 'url: https://x.example\r\nnext: café\r\n\r\nlast: https://y.example\r\n');
    assert.equal(report.files[0].fixesApplied, 2);
  });

  it('does not rewrite a file without autofixes, nor one that is not valid UTF-8', () => {
    const invalid = Buffer.concat([Buffer.from('see http://z.example '), Buffer.from([0xff, 0xfe]), Buffer.from('\n')]);
    dir = tempDir({ 'todo.txt': 'TODO only\n', 'invalid.txt': invalid });
    const old = new Date('2020-01-01T00:00:00Z');
    fs.utimesSync(path.join(dir, 'todo.txt'), old, old);
    const report = scanInProcess(dir, rules, ['--fix']);
    assert.equal(fs.statSync(path.join(dir, 'todo.txt')).mtimeMs, old.getTime(), 'not written at all');
    assert.deepEqual(fs.readFileSync(path.join(dir, 'invalid.txt')), invalid);
    const invalidReport = report.files.find((f) => f.path === 'invalid.txt')!;
    assert.deepEqual(invalidReport.notices.map((n) => n.code), ['fix-skipped']);
    assert.deepEqual(invalidReport.findings.map((f) => f.ruleId), ['synthetic-http']);
  });

  it('does not fix suppressed findings', () => {
    dir = tempDir({ 'suppressed.txt': '# bulwark-ignore synthetic-http reason="legacy mirror has no TLS"\nmirror: http://old.example\n' });
    const report = scanInProcess(dir, rules, ['--fix']);
    assert.match(fs.readFileSync(path.join(dir, 'suppressed.txt'), 'utf8'), /mirror: http:\/\/old\.example/);
    assert.equal(report.files[0].fixesApplied, 0);
    assert.equal(report.files[0].suppressed.length, 1);
  });

  it('stops after 10 passes when fixes keep re-triggering, with a notice', () => {
    dir = tempDir({ 'loop.txt': 'ping\n' });
    const report = scanInProcess(dir, ruleSetOf(pingPongRule), ['--fix']);
    assert.equal(report.files[0].fixesApplied, 10);
    assert.deepEqual(report.files[0].notices.map((n) => n.code), ['fix-not-stable']);
    assert.equal(fs.readFileSync(path.join(dir, 'loop.txt'), 'utf8'), 'ping\n', 'an even number of swaps');
  });

  it('--fix-dry-run reports the fixed result and writes nothing', () => {
    dir = tempDir({ 'notes.txt': 'get http://a.example\n' });
    const report = scanInProcess(dir, rules, ['--fix-dry-run']);
    assert.equal(fs.readFileSync(path.join(dir, 'notes.txt'), 'utf8'), 'get http://a.example\n');
    assert.equal(report.files[0].fixesApplied, 1);
    assert.deepEqual(report.files[0].findings, []);
  });

  it('reports positions in the fixed text (TODO moves from column 18 to 19)', () => {
    dir = tempDir({ 'both.txt': 'http://a.example TODO\n' });
    const report = scanInProcess(dir, rules, ['--fix']);
    assert.deepEqual(report.files[0].findings[0].region, { startLine: 1, startColumn: 19, endLine: 1, endColumn: 23 });
  });
});

describe('bulwark CLI: --fix with the built CLI and a real template', function () {
  let workspace: string;
  before(() => ensureCliBuilt());
  beforeEach(() => {
    workspace = copyWorkspace();
  });
  afterEach(() => removeDir(workspace));

  it('leaves a securityContext alone (a suggestion, never an autofix) and writes nothing, CRLF and BOM included', () => {
    const manifest = path.join(workspace, 'k8s', 'deployment.yaml');
    const crlf = fs.readFileSync(manifest, 'utf8').replace(/\n/g, '\r\n');
    const original = Buffer.concat([BOM, Buffer.from(crlf, 'utf8')]);
    fs.writeFileSync(manifest, original);

    const run = runCli(['scan', 'k8s', ...packArgs(), '--fix', '--format', 'json'], { cwd: workspace });
    const report = parseJson(run.stdout) as { summary: { fixesApplied: number }; findings: { ruleId: string; fixes: { kind: string }[] }[] };
    assert.equal(run.status, 1);
    assert.equal(report.summary.fixesApplied, 0);
    assert.deepEqual(report.findings.map((f) => f.ruleId).sort(), ['cli-test-env-secret', 'cli-test-privileged']);
    assert.deepEqual(report.findings.find((f) => f.ruleId === 'cli-test-privileged')?.fixes.map((f) => f.kind), ['suggestion']);
    assert.deepEqual(fs.readFileSync(manifest), original, 'not a byte changed');
  });

  it('text mode lists what was fixed; --fix-dry-run writes nothing (a real autofix: curl -k in a RUN)', () => {
    const dockerfile = path.join(workspace, 'tls.Dockerfile');
    fs.writeFileSync(dockerfile, 'FROM alpine:3.20\nRUN curl -fsSLk https://example.com/x -o /x\nUSER 10001\nCMD ["/x"]\n');
    const before = fs.readFileSync(dockerfile);
    const dry = runCli(['scan', 'tls.Dockerfile', '--fix-dry-run', '--fail-on', 'none'], { cwd: workspace });
    assert.match(dry.stdout, /^Would fix \(dry run\) 1 problem in 1 file:\n {2}tls\.Dockerfile \(1\)$/m);
    assert.deepEqual(fs.readFileSync(dockerfile), before);
    const real = runCli(['scan', 'tls.Dockerfile', '--fix', '--fail-on', 'none'], { cwd: workspace });
    assert.match(real.stdout, /^Fixed 1 problem in 1 file:\n {2}tls\.Dockerfile \(1\)$/m);
    assert.equal(fs.readFileSync(dockerfile, 'utf8'), 'FROM alpine:3.20\nRUN curl -fsSL https://example.com/x -o /x\nUSER 10001\nCMD ["/x"]\n');
    assert.ok(!real.stdout.includes('docker-tls-verify-disabled'));
  });
});
