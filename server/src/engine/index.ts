// The engine's public surface, shared by the language server, the CLI and the tests.
export * from './types';
export { analyze, analysisSteps, DEFAULT_MAX_FILE_SIZE } from './analyze';
export { applyEdits, applyFixes } from './fixes';
export { autofixesOf, fixUntilStable, MAX_FIX_PASSES, type FixLoopOutcome } from './fix-loop';
export { detectLanguage } from './language';
export { LineIndex, mask, eolOf, unquotedSecret } from './text';
export { maskSecret, SecretMasker } from './secret-mask';
export { PackLoader, type PackFile, type PackError, type LoadedPack } from './packs/load';
export { buildRuleSet, onlyRules } from './rule-set';
export { builtinTemplates } from './templates/index';
export { DocumentParseCache } from './parsers/kubernetes';
export { parseSuppressions, type SuppressionDirective } from './suppressions';
export { WorkspaceIndex, needsWorkspace, type ImageSource } from './workspace/workspace-index';
export { canHoldFacts, indexFile } from './workspace/index-file';
export { absentDockerignore, dockerignoreCandidates, isDockerignoreName } from './workspace/dockerignore';
export { workloadFacts } from './workspace/workload-facts';
export type { FileFacts, FactLocation, Range, WorkloadContainerFact } from './workspace/facts';
export { sameExceptLocations } from './workspace/facts';
