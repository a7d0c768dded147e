import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze, DocumentParseCache } from '../../server/src/engine';
import { builtinPackRoot, loadRuleSet } from '../../server/src/node/rule-packs';
import { REALWORLD } from './corpus';
import { mixedTree } from './generate';
import { median } from './stats';

// The engine's own cost of secret scanning over a tree, without the CLI around it (no file walking,
// reading, reporting): every file is read into memory once, then analysed as `bulwark scan` does (one
// short-lived parse cache per file, secret rules only, or every rule with `all`), several rounds, CPU time of this
// process. For A/B runs of the secret scanners and for profiling:
//   node --import tsx test/bench/secrets-in-process.ts [mixed|realworld|DIR] [rounds] [secrets|all] [--findings FILE]
// With --findings the findings of the last round are written (rule, path, range), to diff two builds.

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...filesUnder(full));
    else if (e.isFile()) out.push(full);
  }
  return out.sort();
}

function main(): void {
  const args = process.argv.slice(2);
  const findingsAt = args.indexOf('--findings');
  const findingsFile = findingsAt >= 0 ? args.splice(findingsAt, 2)[1] : undefined;
  const [treeArg = 'mixed', roundsArg = '3', which = 'secrets'] = args;
  const dir = treeArg === 'mixed' ? mixedTree(REALWORLD) : treeArg === 'realworld' ? REALWORLD : treeArg;
  const { ruleSet } = loadRuleSet([builtinPackRoot()]);
  const severityOverrides = new Map(ruleSet.rules.filter((r) => which !== 'all' && !r.meta.id.startsWith('secret-')).map((r) => [r.meta.id, 'off' as const]));
  const files = filesUnder(dir).map((file) => ({ uri: file, text: fs.readFileSync(file, 'utf8') }));
  const mib = files.reduce((n, f) => n + Buffer.byteLength(f.text), 0) / (1024 * 1024);
  const now = new Date('2026-06-01T00:00:00Z');
  const cpus: number[] = [];
  let lines: string[] = [];
  for (let round = 0; round < Number(roundsArg); round++) {
    lines = [];
    const before = process.cpuUsage();
    for (const file of files) {
      // Short-lived, as the CLI's: a long-lived cache copies each section of a manifest (ownCopy), ~20% of a CRD's profile the CLI never pays.
      const result = analyze(file, ruleSet, { now, severityOverrides, cache: new DocumentParseCache(undefined, true) });
      for (const f of result.findings) lines.push(`${path.relative(dir, file.uri)}\t${f.ruleId}\t${f.span.start}-${f.span.end}\t${f.id}\t${f.message}`);
    }
    const used = process.cpuUsage(before);
    cpus.push((used.user + used.system) / 1e6);
  }
  if (findingsFile) fs.writeFileSync(findingsFile, lines.sort().join('\n') + '\n');
  const cpu = median(cpus);
  console.log(`${files.length} files, ${mib.toFixed(1)} MiB, ${which}: CPU s per round ${cpus.map((c) => c.toFixed(2)).join(' ')}; median ${cpu.toFixed(2)} s = ${(mib / cpu).toFixed(1)} MiB per CPU second; ${lines.length} findings`);
}

main();
