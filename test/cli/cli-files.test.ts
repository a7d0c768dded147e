import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { copyWorkspace, ensureCliBuilt, packArgs, parseJson, removeDir, REPO, runCli } from './cli-harness';

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

  describe('--exclude: .gitignore rules from the current directory', () => {
    const layout = ['Dockerfile', 'chart.yaml', 'k8s/deploy.yaml', 'k8s/Dockerfile', 'apps/web/Dockerfile', 'apps/web/k8s/service.yaml', 'apps/web/testdata/Dockerfile'];
    // Every example `bulwark scan --help` and docs/cli.md give, with the files it must leave out.
    const cases: Record<string, string[]> = {
      k8s: ['k8s/deploy.yaml', 'k8s/Dockerfile', 'apps/web/k8s/service.yaml'],
      'k8s/': ['k8s/deploy.yaml', 'k8s/Dockerfile', 'apps/web/k8s/service.yaml'],
      '*.yaml': ['chart.yaml', 'k8s/deploy.yaml', 'apps/web/k8s/service.yaml'],
      'k8s/**': ['k8s/deploy.yaml', 'k8s/Dockerfile'],
      '/k8s': ['k8s/deploy.yaml', 'k8s/Dockerfile'],
      '**/testdata/**': ['apps/web/testdata/Dockerfile'],
      '!chart.yaml': [],
    };
    let tree: string;
    beforeEach(() => {
      tree = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-exclude-'));
      for (const rel of layout) {
        fs.mkdirSync(path.dirname(path.join(tree, rel)), { recursive: true });
        fs.writeFileSync(path.join(tree, rel), rel.endsWith('Dockerfile') ? 'FROM alpine:latest\n' : 'kind: ConfigMap\n');
      }
    });
    afterEach(() => removeDir(tree));
    const scanned = (cwd: string, ...args: string[]) => scanJson(cwd, ...args).files.map((f) => f.path).sort();

    it('covers every example of the help text and docs/cli.md', () => {
      const unquote = (e: string) => e.trim().replace(/^'(.*)'$/, '$1');
      const helpLine = /e\.g\. (.*)$/m.exec(runCli(['scan', '--help']).stdout.split('--exclude <pattern>')[1] ?? '');
      assert.ok(helpLine, 'the help gives --exclude examples');
      const docs = fs.readFileSync(path.join(REPO, 'docs', 'cli.md'), 'utf8');
      const docExamples = [...docs.matchAll(/`--exclude ([^`<]+)`/g)].map((m) => unquote(m[1]));
      assert.ok(docExamples.length >= 5, docExamples.join(', '));
      for (const example of [...helpLine[1].split(','), ...docExamples].map(unquote)) assert.ok(example in cases, `example ${example} is tested`);
    });

    for (const [pattern, left] of Object.entries(cases)) {
      if (pattern.startsWith('!')) continue;
      it(`--exclude ${pattern}`, () => {
        assert.deepEqual(scanned(tree, '--exclude', pattern), layout.filter((f) => !left.includes(f)).sort());
      });
    }

    it('a later negation takes a file back', () => {
      assert.deepEqual(scanned(tree, '--exclude', '*.yaml', '--exclude', '!chart.yaml'), layout.filter((f) => f === 'chart.yaml' || !f.endsWith('.yaml')).sort());
    });

    it('patterns are read from the current directory, not from the scanned folder', () => {
      assert.deepEqual(scanned(path.join(tree, 'apps'), '--exclude', '/k8s'), ['web/Dockerfile', 'web/k8s/service.yaml', 'web/testdata/Dockerfile']);
      assert.deepEqual(scanned(tree, 'apps', '--exclude', '/web'), ['apps/web/Dockerfile', 'apps/web/k8s/service.yaml', 'apps/web/testdata/Dockerfile']);
    });

    it('absolute paths work, inside the current directory and outside it', () => {
      const abs = (rel: string) => path.join(tree, rel).split(path.sep).join('/');
      assert.deepEqual(scanned(tree, '--exclude', abs('k8s')), layout.filter((f) => !f.startsWith('k8s/')).sort());
      const web = path.join(tree, 'apps', 'web');
      assert.deepEqual(scanned(web, '.', '../../k8s', '--exclude', abs('k8s/deploy.yaml'), '--exclude', 'testdata/'), [abs('k8s/Dockerfile'), 'Dockerfile', 'k8s/service.yaml']);
    });

    it('an explicitly named path that is excluded is not scanned', () => {
      assert.deepEqual(scanned(tree, 'k8s', 'Dockerfile', '--exclude', 'k8s'), ['Dockerfile']);
    });
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
