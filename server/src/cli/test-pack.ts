import * as fs from 'node:fs';
import * as path from 'node:path';
import { packFixtures, type PackFixtures } from '../node/pack-fixtures';
import { PackReadError, writeGolden } from '../node/rule-fixtures';
import type { RuleSet } from '../engine';
import { loadRuleSet } from '../node/rule-packs';
import { ExitCode, UsageError, type ExitCodeValue } from './exit-codes';
import { terminalSafe as safe, terminalSafeLines } from './terminal-text';

// `bulwark test <pack>`: the harness our own suite uses (annotated fixtures, .fixed goldens, the fix
// must resolve the finding), so a security champion can test a pack without our dev setup.

export interface TestPackOptions {
  readonly packs: readonly string[];
  readonly updateGoldens: boolean;
  /** The clock for fixtures that declare no date of their own (default: today). */
  readonly now?: Date;
  /** Only these rules' fixtures (`--rule`); every rule of the packs when absent. */
  readonly rules?: readonly string[];
}

export function testPacks(options: TestPackOptions, io: { cwd: string; now: Date; stdout: { write(t: string): unknown } }): ExitCodeValue {
  let failed = 0;
  let passed = 0;
  const only = options.rules ? new Set(options.rules) : undefined;
  const seen = new Set<string>();
  for (const pack of options.packs) {
    const root = path.resolve(io.cwd, pack);
    if (!fs.existsSync(path.join(root, 'pack.yaml'))) throw new UsageError(`"${pack}" is not a rule pack (no pack.yaml)`);
    // The pack as it is on disk now, the built-in one too: its author is testing an edit (no build snapshot).
    const { ruleSet, errors } = loadRuleSet([root], undefined);
    if (errors.length > 0) throw new UsageError(`the pack "${pack}" is invalid:`, errors.map((e) => `${path.join(pack, e.file)}${e.line ? `:${e.line}` : ''}: ${e.message}`));
    for (const rule of ruleSet.rules) seen.add(rule.meta.id);
    const { cases, untested, listErrors } = selected(fixturesOf(pack, root, ruleSet), only);
    for (const ruleId of untested) {
      io.stdout.write(`✘ ${safe(ruleId)}: no fixtures in tests/\n`);
      failed++;
    }
    for (const { ruleId, message } of listErrors) {
      io.stdout.write(`✘ ${safe(ruleId)}: ${safe(message)}\n`);
      failed++;
    }
    for (const { ruleId, fixture, run } of cases) {
      const outcome = run(options.now ?? io.now, options.now !== undefined);
      if (options.updateGoldens && outcome.fixedText !== undefined && outcome.fixedText !== fixture.golden) {
        try {
          writeGolden(root, fixture.goldenPath, outcome.fixedText);
        } catch (err) {
          throw new UsageError(`cannot write the golden ${path.join(pack, path.relative(root, fixture.goldenPath))}: ${err instanceof Error ? err.message : String(err)}`);
        }
        io.stdout.write(`↻ ${safe(ruleId)} ${safe(fixture.name)}: golden written\n`);
        passed++;
        continue;
      }
      if (outcome.failures.length === 0) {
        io.stdout.write(`✔ ${safe(ruleId)} ${safe(fixture.name)}\n`);
        passed++;
      } else {
        // Failures quote fixture lines: each line is made terminal-safe, the excerpt keeps its breaks.
        io.stdout.write(`✘ ${safe(ruleId)} ${safe(fixture.name)}\n${outcome.failures.map((f) => `    ${terminalSafeLines(f).replace(/\n/g, '\n    ')}`).join('\n')}\n`);
        failed++;
      }
    }
  }
  const unknown = [...(only ?? [])].filter((id) => !seen.has(id));
  if (unknown.length > 0) throw new UsageError(`no rule ${unknown.map((id) => `"${safe(id)}"`).join(', ')} in ${options.packs.map(safe).join(', ')} (bulwark rules lists the rule ids)`);
  io.stdout.write(`\n${passed} passed, ${failed} failed\n`);
  return failed > 0 ? ExitCode.Findings : ExitCode.Ok;
}

function selected(fixtures: PackFixtures, only: ReadonlySet<string> | undefined): PackFixtures {
  if (!only) return fixtures;
  return {
    cases: fixtures.cases.filter((c) => only.has(c.ruleId)),
    untested: fixtures.untested.filter((id) => only.has(id)),
    listErrors: fixtures.listErrors.filter((e) => only.has(e.ruleId)),
  };
}

/** Fixtures are read through the same safe reader as the pack: a link or an oversized file is exit 2. */
function fixturesOf(pack: string, root: string, ruleSet: RuleSet): PackFixtures {
  try {
    return packFixtures(root, ruleSet);
  } catch (err) {
    if (!(err instanceof PackReadError)) throw err;
    throw new UsageError(`the pack "${pack}" cannot be tested:`, err.errors.map((e) => `${path.join(pack, e.file)}: ${e.message}`));
  }
}
