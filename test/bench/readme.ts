import * as fs from 'node:fs';
import * as path from 'node:path';
import { updateReadme } from './readme-table';
import { RESULT_VERSION, type BenchResult } from './results';

// `npm run bench:readme [-- FILE]`: regenerates the README's Speed figures from a bench run's JSON
// (default: the last run's, test-artifacts/bench/latest.json) without running the bench again.

const REPO_ROOT = path.resolve(__dirname, '../..');
const file = path.resolve(process.argv[2] ?? path.join(REPO_ROOT, 'test-artifacts', 'bench', 'latest.json'));
if (!fs.existsSync(file)) {
  console.error(`${file} not found: run \`npm run bench\` first.`);
  process.exitCode = 1;
} else {
  const result = JSON.parse(fs.readFileSync(file, 'utf8')) as BenchResult;
  if (result.version !== RESULT_VERSION) {
    console.error(`${file} is a version ${String(result.version)} result; this generator reads version ${RESULT_VERSION}.`);
    process.exitCode = 1;
  } else {
    const message = updateReadme(path.join(REPO_ROOT, 'README.md'), result);
    console.log(message);
    if (message.startsWith('README not updated')) process.exitCode = 1;
  }
}
