import { UsageError } from './exit-codes';
import { SARIF_SCHEMA } from './format-sarif';
import { jsonTerminalSafe } from './terminal-text';

// `bulwark merge-sarif a.sarif b.sarif … > all.sarif`: the reports of `bulwark scan --shard i/n` jobs
// as one SARIF log, as if one job had scanned everything. Runs of the same tool and policy become one
// run: rules are united by id (each result's ruleIndex renumbered), results are ordered by path the
// way a scan lists files (names sorted, folder by folder), and the run succeeded only if every shard did.
// Runs of another tool or policy are kept as runs of their own.

type Json = Record<string, unknown>;

export interface SarifInput {
  /** The file name, for error messages. */
  readonly name: string;
  readonly text: string;
}

export function mergeSarif(inputs: readonly SarifInput[]): string {
  const groups = new Map<string, Json[]>();
  for (const input of inputs) {
    for (const run of runsOf(input)) {
      const key = runKey(run);
      const group = groups.get(key);
      if (group) group.push(run);
      else groups.set(key, [run]);
    }
  }
  const log = { $schema: SARIF_SCHEMA, version: '2.1.0', runs: [...groups.values()].map(mergeRuns) };
  return jsonTerminalSafe(JSON.stringify(log, null, 2)) + '\n';
}

function runsOf(input: SarifInput): Json[] {
  let log: unknown;
  try {
    log = JSON.parse(input.text);
  } catch (err) {
    throw new UsageError(`${input.name} is not JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (!isObject(log) || log.version !== '2.1.0' || !Array.isArray(log.runs)) throw new UsageError(`${input.name} is not a SARIF 2.1.0 log (no "version": "2.1.0" and "runs")`);
  return log.runs.map((run, i) => {
    if (!isObject(run) || !isObject(run.tool) || !isObject(run.tool.driver) || typeof run.tool.driver.name !== 'string') {
      throw new UsageError(`${input.name}: run ${i + 1} has no tool.driver.name`);
    }
    return run;
  });
}

/** Shards of one scan share the tool, its version and the policy that judged them. */
function runKey(run: Json): string {
  const driver = (run.tool as Json).driver as Json;
  const automation = isObject(run.automationDetails) ? run.automationDetails.id : undefined;
  return JSON.stringify([driver.name, driver.version ?? null, automation ?? null]);
}

function mergeRuns(runs: readonly Json[]): Json {
  const [first] = runs;
  const rules: Json[] = [];
  const ruleIndex = new Map<string, number>();
  for (const run of runs) {
    for (const rule of rulesOf(run)) {
      if (typeof rule.id !== 'string' || ruleIndex.has(rule.id)) continue;
      ruleIndex.set(rule.id, rules.length);
      rules.push(rule);
    }
  }
  const results: Json[] = [];
  const notifications: Json[] = [];
  let succeeded = true;
  for (const run of runs) {
    const own = rulesOf(run);
    const renumber = (index: unknown, id: unknown): number | undefined => {
      const ruleId = typeof id === 'string' ? id : typeof index === 'number' ? own[index]?.id : undefined;
      return typeof ruleId === 'string' ? ruleIndex.get(ruleId) : undefined;
    };
    for (const result of arrayOf(run.results)) {
      const index = renumber(result.ruleIndex, result.ruleId);
      const { ruleIndex: _old, ...rest } = result;
      results.push(index === undefined ? rest : { ...rest, ruleIndex: index });
    }
    for (const invocation of arrayOf(run.invocations)) {
      if (invocation.executionSuccessful !== true) succeeded = false;
      for (const n of arrayOf(invocation.toolExecutionNotifications)) {
        const rule = isObject(n.associatedRule) ? n.associatedRule : undefined;
        const index = rule ? renumber(rule.index, rule.id) : undefined;
        notifications.push(rule && index !== undefined ? { ...n, associatedRule: { ...rule, index } } : n);
      }
    }
  }
  const driver = { ...((first.tool as Json).driver as Json), rules };
  return {
    ...first,
    tool: { ...(first.tool as Json), driver },
    invocations: [{ executionSuccessful: succeeded, toolExecutionNotifications: byPath(notifications) }],
    results: byPath(results),
  };
}

function rulesOf(run: Json): Json[] {
  return arrayOf(((run.tool as Json).driver as Json).rules);
}

/** Stable: a file's results keep their order (one shard produced them all). */
function byPath(items: readonly Json[]): Json[] {
  const keyed = items.map((item, order) => ({ item, order, segments: pathSegments(item) }));
  keyed.sort((a, b) => compareSegments(a.segments, b.segments) || a.order - b.order);
  return keyed.map((k) => k.item);
}

function pathSegments(item: Json): string[] {
  const location = arrayOf(item.locations)[0];
  const physical = location && isObject(location.physicalLocation) ? location.physicalLocation : undefined;
  const artifact = physical && isObject(physical.artifactLocation) ? physical.artifactLocation : undefined;
  const uri = artifact && typeof artifact.uri === 'string' ? artifact.uri : '';
  return uri.split('/').map(decodeSafe);
}

/** Folder by folder, names in code-unit order: the order in which a scan lists files. */
function compareSegments(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i] !== b[i]) {
      // A folder's files and subfolders are listed together, by name.
      return a[i] < b[i] ? -1 : 1;
    }
  }
  return a.length - b.length;
}

function decodeSafe(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function arrayOf(value: unknown): Json[] {
  return Array.isArray(value) ? value.filter(isObject) : [];
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
