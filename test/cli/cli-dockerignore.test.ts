import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ensureCliBuilt, parseJson, removeDir, runCli } from './cli-harness';

// docker-broad-copy-without-dockerignore in `bulwark scan`: the CLI gives the engine the ignore file beside
// each Dockerfile (looked up on disk even when the scan names only the Dockerfile), the same with --jobs.

const RULE = 'docker-broad-copy-without-dockerignore';
const DOCKERFILE = 'FROM node:22-alpine\nWORKDIR /app\nCOPY . .\nCMD ["node", "server.js"]\n';

interface Finding {
  path: string;
  ruleId: string;
  startLine: number;
  startColumn: number;
  message: string;
  related?: { path: string; startLine: number }[];
}

describe('bulwark scan: .dockerignore beside each Dockerfile', function () {
  this.timeout(60_000);
  let dir: string;
  before(() => {
    ensureCliBuilt();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-dockerignore-'));
    const files: Record<string, string> = {
      'bare/Dockerfile': DOCKERFILE,
      'partial/Dockerfile': DOCKERFILE,
      'partial/.dockerignore': '# build output\nnode_modules\n.git\n',
      'complete/Dockerfile': DOCKERFILE,
      'complete/.dockerignore': '.git\n.env*\n*.pem\n*.key\n',
      // BuildKit's per-Dockerfile ignore file wins over the folder's (here a complete one).
      'own/api.Dockerfile': DOCKERFILE,
      'own/api.Dockerfile.dockerignore': 'node_modules\n',
      'own/.dockerignore': '.git\n.env*\n*.pem\n*.key\n',
      // compose builds svc/docker/Dockerfile with svc/ as the context: svc/.dockerignore is the one read.
      'svc/compose.yaml': 'services:\n  web:\n    build:\n      context: .\n      dockerfile: docker/Dockerfile\n',
      'svc/docker/Dockerfile': DOCKERFILE,
      'svc/.dockerignore': '.git\n.env*\n*.pem\n*.key\n',
    };
    for (const [rel, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      fs.writeFileSync(path.join(dir, rel), text);
    }
  });
  after(() => removeDir(dir));

  const findingsOf = (args: string[]): Finding[] =>
    (parseJson(runCli(['scan', ...args, '--format', 'json', '--fail-on', 'none'], { cwd: dir }).stdout) as { findings: Finding[] }).findings.filter((f) => f.ruleId === RULE);

  it('reports a missing or incomplete ignore file on the source of COPY . and names what is missing', () => {
    const found = findingsOf(['.']);
    assert.deepEqual(found.map((f) => [f.path, f.startLine, f.startColumn]), [
      ['bare/Dockerfile', 3, 6],
      ['own/api.Dockerfile', 3, 6],
      ['partial/Dockerfile', 3, 6],
    ]);
    assert.match(found[0].message, /the build context has no \.dockerignore/);
    assert.match(found[1].message, /api\.Dockerfile\.dockerignore does not exclude \.git, \*\*\/\.env\*, \*\*\/\*\.pem, \*\*\/\*\.key/);
    assert.match(found[2].message, /\.dockerignore does not exclude \*\*\/\.env\*, \*\*\/\*\.pem, \*\*\/\*\.key:/);
    assert.deepEqual(found[2].related?.map((r) => [r.path, r.startLine]), [['partial/.dockerignore', 1]]);
  });

  it('looks beside a Dockerfile the scan names alone', () => {
    assert.deepEqual(findingsOf(['complete/Dockerfile']), []);
    assert.deepEqual(findingsOf(['bare/Dockerfile']).map((f) => [f.path, f.startLine]), [['bare/Dockerfile', 3]]);
    assert.deepEqual(findingsOf(['partial/Dockerfile']).map((f) => f.message.includes('does not exclude')), [true]);
  });

  it('reads the context a compose file builds with, when the scan covers that compose file', () => {
    assert.deepEqual(findingsOf(['svc']), []);
    // Scanned alone, the Dockerfile's own folder is the context it is judged by.
    assert.deepEqual(findingsOf(['svc/docker/Dockerfile']).map((f) => [f.path, f.startLine]), [['svc/docker/Dockerfile', 3]]);
  });

  it('reports the same with --jobs', () => {
    assert.deepEqual(findingsOf(['.', '--jobs', '2']), findingsOf(['.']));
  });
});
