import * as path from 'node:path';
import { builtinTemplates, type LoadedPack } from '../../engine';
import { composeRuleSet, engineTooOld, loadBundle, packIdsOf, unknownRuleReferences, type PolicyFileError } from '../../engine/policy';
import { BundleError, formatError, readSourceFolder, textsOf } from '../../node/bundle';
import { ExitCode } from '../exit-codes';
import { terminalSafe } from '../terminal-text';
import { loadRules } from '../load-rules';
import { testPacks } from '../test-pack';
import { TOOL_VERSION } from '../tool-info';
import type { PolicySubcommand } from './index';
import { asUsageError, onePositional, parseNow, parsePolicyArgs } from './local-bundle';
import { packsOf } from './scan-policy';

export const testCommand: PolicySubcommand = {
  summary: "validate a bundle source folder and run every pack's fixtures",
  help: `Usage: bulwark policy test DIR [--now YYYY-MM-DD]

Checks a bundle source folder: policy.yaml and approved-images.yaml against their schemas (unknown
keys are errors), every pack in packs/ with the pack loader, rule ids named by the policy exist,
no pack redefines a built-in rule, this Bulwark meets minEngineVersion; then runs every pack's
annotated fixtures as "bulwark test" does.

Options:
      --now YYYY-MM-DD   the date fixtures are analysed on (default: today)

Exit codes: 0 all pass, 1 a check or fixture failed, 2 usage error (no such folder).
`,
  run(argv, io) {
    const { values, positionals } = parsePolicyArgs('test', argv, { now: { type: 'string' } });
    const dir = path.resolve(io.cwd, onePositional('test', positionals, 'folder'));
    const now = parseNow(values.now, io.now);
    let source;
    try {
      source = readSourceFolder(dir);
    } catch (err) {
      if (err instanceof BundleError && err.code === 'io') throw asUsageError(err);
      io.stdout.write(`✘ ${terminalSafe(err instanceof Error ? err.message : String(err))}\n`);
      return ExitCode.Findings;
    }
    for (const name of source.ignored) io.stderr.write(`note: "${terminalSafe(name)}" is not part of a bundle and is left out\n`);
    const problems = checkBundle(source.files, io.cwd);
    if (problems.length > 0) {
      io.stdout.write(`✘ the bundle is invalid (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${problems.map((p) => `  ${terminalSafe(formatError(p))}\n`).join('')}`);
      return ExitCode.Findings;
    }
    io.stdout.write('✔ policy.yaml, approved-images.yaml and packs are valid\n');
    const packs = packIdsOf(source.files.keys()).map((id) => path.join(dir, 'packs', id));
    if (packs.length === 0) {
      io.stdout.write('\nno packs: nothing else to test\n');
      return ExitCode.Ok;
    }
    return testPacks({ packs, updateGoldens: false }, { cwd: io.cwd, now, stdout: io.stdout });
  },
};

/** Every problem that would make the bundle fail to apply, as file:line errors. */
function checkBundle(files: ReadonlyMap<string, Buffer>, cwd: string): PolicyFileError[] {
  const { bundle, errors } = loadBundle(textsOf(files), '', builtinTemplates());
  if (!bundle) return errors;
  const tooOld = engineTooOld(bundle.policy.minEngineVersion, TOOL_VERSION, `policy ${bundle.identity.name}`);
  if (tooOld) return [{ file: 'policy.yaml', message: tooOld }];
  const builtin = loadBuiltin(cwd);
  const composed = composeRuleSet({ builtin, bundle: { policy: bundle.policy, packs: bundle.packs, identity: bundle.identity }, user: [] });
  const collisions = composed.errors.map((e) => ({ file: e.file, message: e.message }));
  const known = new Set([...builtin, ...bundle.packs].flatMap((p) => p.rules.map((r) => r.meta.id)));
  return [...collisions, ...unknownRuleReferences(bundle.policy, known)];
}

function loadBuiltin(cwd: string): LoadedPack[] {
  return packsOf(loadRules({ builtin: true, packs: [] }, cwd));
}
