// Policy bundles, the pure part: schemas, validation with file:line, and applying a policy.
export { POLICY_SCHEMA, APPROVED_IMAGES_SCHEMA, publishedSchema } from './schema';
export { PolicyValidator, unknownRuleReferences, SUPPRESSION_REPORTER, type Policy, type ApprovedImages, type RuleReference } from './policy';
export { composeRuleSet, type ComposeInput, type ComposedRuleSet, type PolicyLayer, type RefusedOverride } from './apply';
export { loadBundle, isPackSourceFile, packIdsOf, POLICY_FILE, APPROVED_IMAGES_FILE, PACKS_DIR, type LoadedBundle } from './bundle';
export { compareVersions, engineTooOld } from './semver';
export type { PolicyFileError } from './yaml-validate';
export { prepareBundle, restoreBundle, type PreparedBundle } from './prepared';
