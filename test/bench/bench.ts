import * as fs from 'node:fs';
import * as path from 'node:path';
import { REALWORLD, benchFiles } from './corpus';
import { printSecretsAccuracy } from './secrets-accuracy';
import { mixedTree } from './generate';
import { measureTyping } from './latency';
import { describeMachine } from './machine';
import { USAGE, narrowed, parseOptions } from './options';
import { updateReadme } from './readme-table';
import { printLatency, printThroughput } from './report';
import { RESULT_VERSION, latencyEntry, type BenchResult, type LatencyEntry, type StartupFigures } from './results';
import { bulwarkServer, peerServers } from './servers';
import { measureStartup, measureTools, sizeTree, throughputCommands, type ToolRun, type Tree } from './throughput';
import { measureRuleRates, printRuleRates } from './rule-rates';

// `npm run bench`: keystroke latency of Bulwark's language server and of its peers on the same files
// with the same client, server memory and startup, and CLI throughput beside secretlint. Prints the
// figures with their goals and writes them as JSON (the README's Speed table is made from that JSON).
// Never fails on a figure; not part of `npm test`.

const REPO_ROOT = path.resolve(__dirname, '../..');
const RSS_GOAL_MIB = 150;

function writeJson(file: string, result: BenchResult): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(result, null, 2) + '\n');
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv.includes('--help')) {
    console.log(USAGE);
    return;
  }
  const options = parseOptions(argv, path.join(REPO_ROOT, 'test-artifacts', 'bench', 'latest.json'));
  printSecretsAccuracy((line) => console.log(line));
  if (!fs.existsSync(REALWORLD)) {
    console.log(`bench skipped: the reference corpus ${REALWORLD} is absent (../shared is not on this machine).`);
    return;
  }
  const serverJs = path.join(REPO_ROOT, 'dist', 'server.js');
  const cliJs = path.join(REPO_ROOT, 'dist', 'cli.js');
  if (!fs.existsSync(serverJs) || !fs.existsSync(cliJs)) throw new Error('dist/server.js or dist/cli.js is missing: run `npm run build` (npm run bench does).');
  if (options.cpuProfDir) fs.mkdirSync(options.cpuProfDir, { recursive: true });
  const startedAt = new Date().toISOString();
  const machine = describeMachine();
  console.log(`${machine.cpuModel}, ${machine.nproc} CPUs, node ${machine.node}, load average at start ${machine.loadavg.join(' ')}\n`);
  const progress = (what: string) => process.stderr.write(`… ${what}\n`);

  const files = benchFiles().filter((f) => !options.file || f.id.includes(options.file) || f.label.includes(options.file));
  const servers = [bulwarkServer(options.nodeArgs), ...(options.peers ? peerServers() : [])];
  const latency: LatencyEntry[] = [];
  if (options.parts.includes('latency')) {
    for (const file of files) {
      for (const server of servers.filter((s) => s.kinds.includes(file.kind))) {
        for (const typing of options.typings) {
          for (const mode of server.modes.filter((m) => options.modes.includes(m))) {
            progress(`${server.name} ${mode}, ${typing} typing, on ${file.label}`);
            const run = await measureTyping(server, file, mode, typing, { keystrokes: Math.min(options.edits, file.maxEdits ?? options.edits), budgetMs: options.budgetSeconds * 1000, timeoutMs: 60_000, pauseMs: options.pauseMs });
            latency.push(latencyEntry(run, file, server.note, server.name === 'Bulwark'));
          }
        }
      }
    }
  }

  const trees: Tree[] = [];
  const runs: ToolRun[] = [];
  let cliStartup: StartupFigures | undefined;
  const snapshot = (): BenchResult => ({
    version: RESULT_VERSION,
    startedAt,
    finishedAt: new Date().toISOString(),
    machine,
    options: { edits: options.edits, runs: options.runs, budgetSeconds: options.budgetSeconds, pauseMs: options.pauseMs },
    narrowed: narrowed(options),
    files: files.map((f) => {
      const text = fs.readFileSync(f.path, 'utf8');
      return { id: f.id, label: f.label, bytes: Buffer.byteLength(text), lines: text.split('\n').length - (text.endsWith('\n') ? 1 : 0), goalSource: f.goalSource };
    }),
    latency,
    throughput: { trees, runs },
    cliStartup,
    rssGoalMiB: RSS_GOAL_MIB,
  });
  const print = (line: string) => console.log(line);
  if (latency.length > 0) printLatency(snapshot(), print);
  if (options.parts.includes('throughput')) {
    // The latency figures are kept even if the long CLI part is interrupted (and then marked incomplete).
    writeJson(options.json, { ...snapshot(), narrowed: [...narrowed(options), 'stopped before the CLI part'] });
    progress('sizing the corpus and building the mixed tree');
    if (options.trees.includes('realworld')) trees.push(sizeTree('realworld corpus', REALWORLD));
    if (options.trees.includes('mixed')) trees.push(sizeTree('mixed ~20 MiB tree', mixedTree(REALWORLD)));
    const commands = await throughputCommands(cliJs);
    for (const tree of trees) {
      progress(`CLI throughput on the ${tree.name}`);
      runs.push(...(await measureTools(tree, commands, options.runs)));
    }
    progress('CLI startup');
    cliStartup = await measureStartup(cliJs, 5);
  }

  if (options.parts.includes('rates')) {
    const rates = measureRuleRates(REALWORLD, undefined, progress);
    printRuleRates(rates, print);
    const ratesJson = path.join(path.dirname(options.json), 'rule-rates.json');
    fs.mkdirSync(path.dirname(ratesJson), { recursive: true });
    fs.writeFileSync(ratesJson, JSON.stringify(rates, null, 2) + '\n');
    console.log(`\nrule rates written to ${path.relative(process.cwd(), ratesJson)}`);
    // Rates alone: keep the last latency and throughput figures (the README's source) as they are.
    if (options.parts.length === 1) return;
  }

  const result = snapshot();
  printThroughput(result, print);
  writeJson(options.json, result);
  console.log(`\nfigures written to ${path.relative(process.cwd(), options.json)}`);
  if (options.readme) console.log(updateReadme(path.join(REPO_ROOT, 'README.md'), result));
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
