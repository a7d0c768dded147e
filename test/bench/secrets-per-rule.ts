import * as fs from 'node:fs';
import { analyze, DocumentParseCache } from '../../server/src/engine';
import { builtinPackRoot, loadRuleSet } from '../../server/src/node/rule-packs';
import { REALWORLD } from './corpus';
import { corpusFiles, mixedTree } from './generate';
import { median } from './stats';

// Where the engine's secret-scanning CPU goes, rule by rule: the tree is read into memory once, then
// analysed as `bulwark scan` does (one short-lived parse cache per file) with no secret rule on, with
// all of them, and with each alone, in turn, several rounds after a warm-up round; medians of this
// process's CPU. A rule alone also pays what every text rule shares (the keyword pass, YAML sections,
// line index), which the lightest rule alone approximates. Run with the CLI's V8 flag for its figures:
//   node --no-turbo-inlining --import tsx test/bench/secrets-per-rule.ts [mixed|realworld|DIR] [rounds]

function main(): void {
  const [treeArg = 'mixed', roundsArg = '3'] = process.argv.slice(2);
  const dir = treeArg === 'mixed' ? mixedTree(REALWORLD) : treeArg === 'realworld' ? REALWORLD : treeArg;
  const { ruleSet } = loadRuleSet([builtinPackRoot()]);
  const files = corpusFiles(dir).map((file) => ({ uri: file, text: fs.readFileSync(file, 'utf8') }));
  const now = new Date('2026-06-01T00:00:00Z');
  const secretIds = ruleSet.rules.map((r) => r.meta.id).filter((id) => id.startsWith('secret-'));
  const configs: (readonly [string, readonly string[]])[] = [['(no secret rule: per-file setup)', []], ['(every secret rule)', secretIds], ...secretIds.map((id) => [id, [id]] as const)];
  const cpuOf = (on: readonly string[]): number => {
    const severityOverrides = new Map(ruleSet.rules.filter((r) => !on.includes(r.meta.id)).map((r) => [r.meta.id, 'off' as const]));
    const before = process.cpuUsage();
    for (const file of files) analyze(file, ruleSet, { now, severityOverrides, cache: new DocumentParseCache(undefined, true) });
    const used = process.cpuUsage(before);
    return (used.user + used.system) / 1e6;
  };
  // A warm-up round: each rule's code is compiled by the JIT before any round is timed.
  for (const [, on] of configs) cpuOf(on);
  const cpus = new Map(configs.map(([name]) => [name, [] as number[]]));
  for (let round = 0; round < Number(roundsArg); round++) for (const [name, on] of configs) cpus.get(name)!.push(cpuOf(on));
  console.log(`${files.length} files; median CPU s of ${roundsArg} rounds, warm`);
  for (const [name, values] of cpus) console.log(`${median(values).toFixed(3).padStart(7)}  ${name}`);
}

main();
