import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { builtinPackRoot, loadRuleSet } from '../../../server/src/node/rule-packs';
import { LspTestClient, type Diagnostic, type StartOptions } from './lsp-test-client';

export const TEST_PACK = path.resolve(__dirname, '../fixtures/test-pack');
/** Test-pack rule on `FROM image:latest` / untagged images; its span is the tag (or the name). */
export const PIN_RULE = 'test-image-pin';
export const DIGEST_RULE = 'test-image-digest';

/** Starts the server with the test pack loaded next to the built-in one. */
export function startWithTestPack(options: Omit<StartOptions, 'initializationOptions'> & { settings?: unknown; extraPackRoots?: string[] }): Promise<LspTestClient> {
  const { settings, extraPackRoots, ...rest } = options;
  return LspTestClient.start({ ...rest, initializationOptions: { settings, extraPackRoots: [TEST_PACK, ...(extraPackRoots ?? [])] } });
}

export function byRule(diagnostics: readonly Diagnostic[], ruleId: string): Diagnostic[] {
  return diagnostics.filter((d) => d.code === ruleId);
}

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `bulwark-${prefix}-`));
}

export function fileUri(file: string): string {
  return pathToFileURL(file).href;
}

/**
 * Severity overrides that switch every built-in rule off, for tests that count findings or fixes of
 * the whole file: the built-in rules are written in parallel and must not change what they see.
 */
export function builtinRulesOff(): Record<string, 'off'> {
  const overrides: Record<string, 'off'> = {};
  for (const rule of loadRuleSet([builtinPackRoot(path.resolve(__dirname, '../../../server/src'))]).ruleSet.rules) overrides[rule.meta.id] = 'off';
  return overrides;
}
