import { createAjv } from '../schema-compiler';
import type { Document } from 'yaml';
import { parseImageReference } from '../images/reference';
import type { Severity } from '../types';
import { APPROVED_IMAGES_SCHEMA, POLICY_SCHEMA } from './schema';
import { offsetOf, validateYaml, type PolicyFileError } from './yaml-validate';

/** The rule that reports suppression comments: a policy that limits suppressions must not silence it. */
export const SUPPRESSION_REPORTER = 'bulwark-invalid-suppression';

/** A rule id named in policy.yaml, with where, so a reference to an unknown rule is a file:line error. */
export interface RuleReference {
  readonly ruleId: string;
  readonly key: 'rules.disabled' | 'rules.severity' | 'rules.nonWaivable';
  readonly line?: number;
}

export interface Policy {
  readonly name: string;
  readonly version: string;
  readonly description?: string;
  readonly minEngineVersion?: string;
  readonly disabled: ReadonlySet<string>;
  readonly severity: ReadonlyMap<string, Severity>;
  readonly nonWaivable: ReadonlySet<string>;
  readonly maxUntilDays?: number;
  readonly references: readonly RuleReference[];
}

/** approved-images.yaml as validated; its meaning belongs to the approved-images checks (issue 6). */
export interface ApprovedImages {
  readonly registries?: readonly string[];
  readonly images?: readonly { readonly name: string; readonly tags?: readonly string[]; readonly digests?: readonly string[] }[];
  readonly replacements?: readonly { readonly from: string; readonly tags?: readonly string[]; readonly to: string }[];
  readonly deprecated?: readonly { readonly name: string; readonly tags?: readonly string[]; readonly after: string; readonly replacement?: string }[];
  readonly requireDigest?: boolean;
}

interface PolicyDocument {
  name: string;
  version: string;
  description?: string;
  minEngineVersion?: string;
  rules?: { disabled?: string[]; severity?: Record<string, Severity>; nonWaivable?: string[] };
  suppressions?: { requireReason?: true; maxUntilDays?: number };
}

/** Compiled once per caller (a CLI run, a server); validators are not module state. */
export class PolicyValidator {
  private readonly ajv = createAjv({ allErrors: true, strict: false, verbose: true });
  private readonly policySchema = this.ajv.compile(POLICY_SCHEMA);
  private readonly approvedSchema = this.ajv.compile(APPROVED_IMAGES_SCHEMA);

  parsePolicy(text: string, file = 'policy.yaml'): { policy?: Policy; errors: PolicyFileError[] } {
    const errors: PolicyFileError[] = [];
    const { value, doc, lines } = validateYaml(file, text, this.policySchema, errors);
    if (value === undefined || !doc) return { errors };
    const parsed = value as PolicyDocument;
    const lineAt = (path: (string | number)[], key?: string) => {
      const offset = offsetOf(doc, path, key);
      return offset === undefined ? undefined : lines.lineOf(offset) + 1;
    };
    const references = collectReferences(parsed, lineAt);
    const policy: Policy = {
      name: parsed.name,
      version: parsed.version,
      description: parsed.description,
      minEngineVersion: parsed.minEngineVersion,
      disabled: new Set(parsed.rules?.disabled ?? []),
      severity: new Map(Object.entries(parsed.rules?.severity ?? {})),
      nonWaivable: new Set(parsed.rules?.nonWaivable ?? []),
      maxUntilDays: parsed.suppressions?.maxUntilDays,
      references,
    };
    for (const ref of references) {
      if (ref.key !== 'rules.disabled') continue;
      if (policy.nonWaivable.has(ref.ruleId)) errors.push({ file, line: ref.line, message: `rule "${ref.ruleId}" is both disabled and non-waivable` });
      if (policy.severity.has(ref.ruleId)) errors.push({ file, line: ref.line, message: `rule "${ref.ruleId}" is disabled, so a severity for it means nothing` });
      if (ref.ruleId === SUPPRESSION_REPORTER) errors.push({ file, line: ref.line, message: `"${SUPPRESSION_REPORTER}" reports suppressions the policy refuses; it cannot be disabled` });
    }
    return errors.length > 0 ? { errors } : { policy, errors };
  }

  parseApprovedImages(text: string, file = 'approved-images.yaml'): { approvedImages?: ApprovedImages; errors: PolicyFileError[] } {
    const errors: PolicyFileError[] = [];
    const { value, doc, lines } = validateYaml(file, text, this.approvedSchema, errors);
    if (value === undefined || !doc) return { errors };
    // The schema checks the shape; Docker's own grammar (engine/images) has the last word on references.
    for (const { path, reference, bare } of references(value as ApprovedImages)) {
      const parsed = parseImageReference(reference);
      const problem = !parsed.ok ? parsed.error : bare && (parsed.ref.tag !== undefined || parsed.ref.digest !== undefined) ? `"${reference}" must name a repository without a tag or digest` : undefined;
      const offset = problem ? offsetOf(doc, path) : undefined;
      if (problem) errors.push({ file, line: offset === undefined ? undefined : lines.lineOf(offset) + 1, message: `${path.join('.')}: ${problem}` });
    }
    return errors.length > 0 ? { errors } : { approvedImages: value as ApprovedImages, errors };
  }
}

function references(list: ApprovedImages): { path: (string | number)[]; reference: string; bare: boolean }[] {
  return [
    ...(list.images ?? []).map((e, i) => ({ path: ['images', i, 'name'], reference: e.name, bare: true })),
    ...(list.replacements ?? []).flatMap((e, i) => [
      { path: ['replacements', i, 'from'], reference: e.from, bare: true },
      { path: ['replacements', i, 'to'], reference: e.to, bare: false },
    ]),
    ...(list.deprecated ?? []).flatMap((e, i) => [
      { path: ['deprecated', i, 'name'], reference: e.name, bare: true },
      ...(e.replacement ? [{ path: ['deprecated', i, 'replacement'], reference: e.replacement, bare: false }] : []),
    ]),
  ];
}

function collectReferences(parsed: PolicyDocument, lineAt: (path: (string | number)[], key?: string) => number | undefined): RuleReference[] {
  const refs: RuleReference[] = [];
  (parsed.rules?.disabled ?? []).forEach((ruleId, i) => refs.push({ ruleId, key: 'rules.disabled', line: lineAt(['rules', 'disabled', i]) }));
  for (const ruleId of Object.keys(parsed.rules?.severity ?? {})) refs.push({ ruleId, key: 'rules.severity', line: lineAt(['rules', 'severity'], ruleId) });
  (parsed.rules?.nonWaivable ?? []).forEach((ruleId, i) => refs.push({ ruleId, key: 'rules.nonWaivable', line: lineAt(['rules', 'nonWaivable', i]) }));
  return refs;
}

/** policy.yaml naming a rule that no pack defines is an error (a typo would silently weaken the policy). */
export function unknownRuleReferences(policy: Policy, known: ReadonlySet<string>, file = 'policy.yaml'): PolicyFileError[] {
  return policy.references
    .filter((r) => !known.has(r.ruleId))
    .map((r) => ({ file, line: r.line, message: `${r.key} names "${r.ruleId}", which no built-in or bundle rule defines` }));
}

export type { Document, PolicyFileError };
