import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { copyWorkspace, ensureCliBuilt, packArgs, parseJson, removeDir, runCli } from './cli-harness';

// Which files a scan sees and how it reads them: ignore files, --exclude, binary and over-size files,
// BOMs and CRLF (positions must stay exact).

interface JsonReport {
  files: { path: string; language: string | null; analysed: boolean }[];
  findings: { path: string; ruleId: string; startLine: number; startColumn: number; endLine: number; endColumn: number }[];
  notices: { path: string; code: string; message: string }[];
}

function scanJson(cwd: string, ...args: string[]): JsonReport {
  const run = runCli(['scan', ...packArgs(), '--format', 'json', '--fail-on', 'none', ...args], { cwd });
  assert.equal(run.status, 0, run.stderr);
  return parseJson(run.stdout) as JsonReport;
}

describe('bulwark CLI: files', function () {
  let workspace: string;
  before(() => ensureCliBuilt());
  beforeEach(() => {
    workspace = copyWorkspace();
  });
  afterEach(() => removeDir(workspace));

  it('honours .gitignore and .bulwarkignore, and never enters .git or node_modules', () => {
    const unsafe = 'FROM alpine:latest\n';
    for (const rel of ['generated/Dockerfile', 'app.log', '.git/Dockerfile', 'node_modules/pkg/Dockerfile', 'sub/deeper/Dockerfile']) {
      fs.mkdirSync(path.dirname(path.join(workspace, rel)), { recursive: true });
      fs.writeFileSync(path.join(workspace, rel), unsafe);
    }
    const report = scanJson(workspace);
    const paths = report.files.map((f) => f.path);
    for (const hidden of ['generated/Dockerfile', 'app.log', '.git/Dockerfile', 'node_modules/pkg/Dockerfile', 'sub/skipped.Dockerfile']) {
      assert.ok(!paths.includes(hidden), `${hidden} must not be scanned; scanned: ${paths.join(', ')}`);
    }
    assert.ok(paths.includes('sub/deeper/Dockerfile'), 'a control file next to the ignored ones is scanned');
    assert.ok(paths.includes('sub/kept.Dockerfile'));
    assert.ok(report.findings.some((f) => f.path === 'sub/deeper/Dockerfile'));
  });

  it('applies the ignore files of the current directory when scanning a subfolder', () => {
    fs.mkdirSync(path.join(workspace, 'services', 'generated'), { recursive: true });
    fs.writeFileSync(path.join(workspace, 'services', 'generated', 'Dockerfile'), 'FROM alpine:latest\n');
    const report = scanJson(workspace, 'services');
    assert.deepEqual(report.files.map((f) => f.path), ['services/api/Dockerfile']);
  });

  it('--exclude takes picomatch globs relative to the current directory (like bulwark.exclude)', () => {
    const report = scanJson(workspace, '--exclude', 'sub/**', '--exclude', '**/*.md');
    const paths = report.files.map((f) => f.path);
    assert.ok(!paths.some((p) => p.startsWith('sub/') || p.endsWith('.md')), paths.join(', '));
    assert.ok(paths.includes('Dockerfile'));
  });

  it('scans explicit files and folders once each, with paths relative to the current directory', () => {
    const report = scanJson(path.join(workspace, 'sub'), '../Dockerfile', '.', 'kept.Dockerfile');
    assert.deepEqual(
      report.files.map((f) => f.path),
      [path.join(workspace, 'Dockerfile').split(path.sep).join('/'), '.bulwarkignore', 'kept.Dockerfile'],
    );
  });

  it('skips binary and over-size files with one notice each', () => {
    fs.writeFileSync(path.join(workspace, 'image.Dockerfile'), Buffer.from([0x46, 0x52, 0x4f, 0x4d, 0x00, 0x01, 0x02]));
    fs.writeFileSync(path.join(workspace, 'big.Dockerfile'), 'FROM alpine:latest\n' + '# padding\n'.repeat(200));
    const report = scanJson(workspace, '--max-file-size', '1k');
    const noticesOf = (p: string) => report.notices.filter((n) => n.path === p).map((n) => n.code);
    assert.deepEqual(noticesOf('image.Dockerfile'), ['binary-file']);
    assert.deepEqual(noticesOf('big.Dockerfile'), ['file-too-large']);
    assert.ok(!report.findings.some((f) => f.path === 'big.Dockerfile' || f.path === 'image.Dockerfile'));
    assert.equal(report.files.find((f) => f.path === 'big.Dockerfile')?.analysed, false);

    const text = runCli(['scan', ...packArgs(), '--max-file-size', '1k', '--fail-on', 'none'], { cwd: workspace });
    assert.match(text.stdout, /^image\.Dockerfile: notice binary-file Not analysed: the file looks binary/m);
    assert.match(text.stdout, /^big\.Dockerfile: notice file-too-large Not analysed: the file has \d+ bytes, more than the --max-file-size limit of 1024\./m);
    assert.equal(text.stdout.match(/big\.Dockerfile/g)?.length, 1);
  });

  it('reports 1-based positions that ignore a BOM and survive CRLF and invalid UTF-8', () => {
    const body = '# first\r\nFROM alpine:latest\r\n';
    fs.writeFileSync(path.join(workspace, 'bom.Dockerfile'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('FROM node\r\n')]));
    fs.writeFileSync(path.join(workspace, 'crlf.Dockerfile'), body);
    fs.writeFileSync(path.join(workspace, 'latin1.Dockerfile'), Buffer.concat([Buffer.from('# caf\xe9\n', 'latin1'), Buffer.from('FROM alpine:latest\n')]));
    const report = scanJson(workspace);
    const latest = (p: string) => report.findings.find((f) => f.path === p && f.ruleId === 'cli-test-latest-tag');
    assert.deepEqual(latest('bom.Dockerfile'), { ...latest('bom.Dockerfile')!, startLine: 1, startColumn: 6, endLine: 1, endColumn: 10 });
    assert.deepEqual(latest('crlf.Dockerfile'), { ...latest('crlf.Dockerfile')!, startLine: 2, startColumn: 13, endLine: 2, endColumn: 19 });
    assert.deepEqual(latest('latin1.Dockerfile'), { ...latest('latin1.Dockerfile')!, startLine: 2, startColumn: 13, endLine: 2, endColumn: 19 });
  });
});
