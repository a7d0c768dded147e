import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

// Sample output in the docs comes from real runs of the built CLI. A sample is marked in the Markdown
// with the command that makes it:
//
//   <!-- sample: bulwark scan examples -->            the command's stdout, in a code block
//   <!-- sample json=summary: bulwark scan … -->      one field of its JSON output, indented
//   ```
//   …replaced on every run…
//   ```
//   <!-- /sample -->
//
// `npm run docs:samples` rewrites them; test/docs/docs-drift.test.ts fails when one differs. The runs are
// deterministic: committed files, no colour, UTC; a sample whose output depends on the date (until=,
// deprecation dates) does not belong here.

const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'dist', 'cli.js');
export const SAMPLE_DOCS = ['docs/cli.md'].map((f) => path.join(ROOT, f));
const SAMPLE = /^<!-- sample(?: json=([A-Za-z.]+))?: bulwark ([^\n]*?) -->\n```[^\n]*\n[\s\S]*?```\n<!-- \/sample -->$/gm;

/** The Markdown with every sample block replaced by the output of its command. */
export function renderSamples(markdown: string): string {
  return markdown.replace(SAMPLE, (_whole, field: string | undefined, command: string) => {
    const output = run(command.split(/\s+/).filter((a) => a.length > 0));
    const body = field === undefined ? `$ npx bulwark ${command}\n${output}` : `${JSON.stringify(pick(JSON.parse(output), field), null, 2)}\n`;
    return `<!-- sample${field === undefined ? '' : ` json=${field}`}: bulwark ${command} -->\n\`\`\`${field === undefined ? '' : 'json'}\n${body}\`\`\`\n<!-- /sample -->`;
  });
}

/** The commands of the sample blocks in a Markdown text (for the test to say what it checked). */
export function sampleCommands(markdown: string): string[] {
  return [...markdown.matchAll(SAMPLE)].map((m) => `bulwark ${m[2] ?? ''}`);
}

function run(args: readonly string[]): string {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && k !== 'FORCE_COLOR') env[k] = v;
  // No git on the PATH: the tracked-.env advice (docs/cli.md describes it) would otherwise depend on
  // whether the docs are generated in a git checkout.
  const noGit = { PATH: path.join(ROOT, 'no-such-bin') };
  const result = spawnSync(process.execPath, [CLI, ...args, '--no-color'], { cwd: ROOT, env: { ...env, NO_COLOR: '1', TZ: 'UTC', ...noGit }, encoding: 'utf8', timeout: 60_000 });
  if (result.error) throw result.error;
  // Exit 1 (findings) is what a sample usually shows; 2 and 3 mean the sample itself is broken.
  if (result.status !== 0 && result.status !== 1) throw new Error(`bulwark ${args.join(' ')} exited ${String(result.status)}: ${result.stderr}`);
  return result.stdout;
}

function pick(value: unknown, field: string): unknown {
  let current = value;
  for (const key of field.split('.')) current = current !== null && typeof current === 'object' ? (current as Record<string, unknown>)[key] : undefined;
  return current;
}

if (require.main === module) {
  if (!fs.existsSync(CLI)) throw new Error('dist/cli.js is missing: run npm run build first');
  for (const file of SAMPLE_DOCS) {
    const text = fs.readFileSync(file, 'utf8');
    const next = renderSamples(text);
    if (next !== text) fs.writeFileSync(file, next);
    process.stdout.write(`${path.relative(process.cwd(), file)}: ${sampleCommands(text).length} samples${next === text ? ', unchanged' : ' rewritten'}\n`);
  }
}
