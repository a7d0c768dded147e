import { SEVERITIES } from '../types';

// The schemas of a bundle's own files. They are published as JSON (schemas/*.schema.json, checked
// equal by test/unit/policy/schemas.test.ts) so editors and other tools validate the same way.

const KEBAB = '^[a-z0-9]+(?:-[a-z0-9]+)*$';
const SEMVER = '^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(?:-[0-9A-Za-z.-]+)?(?:\\+[0-9A-Za-z.-]+)?$';
const RULE_ID = { type: 'string', pattern: KEBAB } as const;
const RULE_IDS = { type: 'array', uniqueItems: true, items: RULE_ID } as const;

/** `policy.yaml`: what the organisation decides on top of the rules. */
export const POLICY_SCHEMA = {
  type: 'object',
  required: ['name', 'version'],
  additionalProperties: false,
  properties: {
    name: { type: 'string', pattern: KEBAB, maxLength: 100, description: 'Bundle name, kebab-case.' },
    version: { type: 'string', pattern: SEMVER, description: 'Bundle version (semver).' },
    description: { type: 'string', minLength: 1 },
    minEngineVersion: { type: 'string', pattern: SEMVER, description: 'Oldest Bulwark that may apply this bundle.' },
    rules: {
      type: 'object',
      additionalProperties: false,
      properties: {
        disabled: { ...RULE_IDS, description: 'Rules that never run under this policy.' },
        severity: {
          type: 'object',
          propertyNames: RULE_ID,
          additionalProperties: { enum: SEVERITIES },
          description: 'Severity per rule id.',
        },
        nonWaivable: { ...RULE_IDS, description: 'Rules a bulwark-ignore comment cannot suppress; such a comment is reported and ignored.' },
      },
    },
    suppressions: {
      type: 'object',
      additionalProperties: false,
      properties: {
        requireReason: { const: true, description: 'Always true: a suppression without reason="…" suppresses nothing.' },
        maxUntilDays: {
          type: 'integer',
          minimum: 1,
          maximum: 3650,
          description: 'Every suppression needs until=YYYY-MM-DD at most this many days after the analysis date.',
        },
      },
    },
  },
} as const;

const HOST = '(?:localhost|[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+)(?::[0-9]{1,5})?';
const COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const REPOSITORY = `(?:${HOST}/)?${COMPONENT}(?:/${COMPONENT})*`;
const TAG = '[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}';
const DIGEST = 'sha256:[a-f0-9]{64}';
const NAME = { type: 'string', pattern: `^${REPOSITORY}$`, description: 'A repository, without tag or digest.' } as const;
const REFERENCE = { type: 'string', pattern: `^${REPOSITORY}(?::${TAG})?(?:@${DIGEST})?$`, description: 'An image reference.' } as const;
const TAG_GLOBS = { type: 'array', minItems: 1, uniqueItems: true, items: { type: 'string', pattern: '^[A-Za-z0-9_.*?\\[\\]-]{1,128}$' } } as const;

/** `approved-images.yaml` (issue 6 gives the semantics; the bundle carries and validates it). */
export const APPROVED_IMAGES_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  properties: {
    registries: { type: 'array', uniqueItems: true, items: { type: 'string', pattern: `^${HOST}$` }, description: 'Every repository under these hosts is approved.' },
    images: {
      type: 'array',
      items: {
        type: 'object',
        required: ['name'],
        additionalProperties: false,
        properties: { name: NAME, tags: TAG_GLOBS, digests: { type: 'array', minItems: 1, uniqueItems: true, items: { type: 'string', pattern: `^${DIGEST}$` } } },
      },
    },
    replacements: {
      type: 'array',
      items: { type: 'object', required: ['from', 'to'], additionalProperties: false, properties: { from: NAME, tags: TAG_GLOBS, to: REFERENCE } },
    },
    deprecated: {
      type: 'array',
      items: {
        type: 'object',
        required: ['name', 'after'],
        additionalProperties: false,
        properties: { name: NAME, tags: TAG_GLOBS, after: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' }, replacement: REFERENCE },
      },
    },
    requireDigest: { type: 'boolean' },
  },
} as const;

const SCHEMA_BASE_URI = 'https://bulwark.dev/schemas/';

/** The schema as published: a standalone draft-07 document with an id and title. */
export function publishedSchema(name: 'policy' | 'approved-images'): Record<string, unknown> {
  const schema = name === 'policy' ? POLICY_SCHEMA : APPROVED_IMAGES_SCHEMA;
  const title = name === 'policy' ? 'Bulwark policy bundle: policy.yaml' : 'Bulwark approved images: approved-images.yaml';
  return { $schema: 'http://json-schema.org/draft-07/schema#', $id: `${SCHEMA_BASE_URI}${name}.schema.json`, title, ...schema };
}
