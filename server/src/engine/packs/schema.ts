import { SEVERITIES } from '../types';

const KEBAB = '^[a-z0-9]+(?:-[a-z0-9]+)*$';
/** Rule ids, pack ids, tags: lower-case kebab-case words, at most 64 characters. */
const MAX_ID_LENGTH = 64;
const ID = { type: 'string', pattern: KEBAB, maxLength: MAX_ID_LENGTH } as const;

/** The manifest at the root of every pack (`pack.yaml`). */
export const PACK_SCHEMA = {
  type: 'object',
  required: ['id', 'version', 'description'],
  additionalProperties: false,
  properties: {
    id: ID,
    version: { type: 'string', minLength: 1 },
    description: { type: 'string', minLength: 1 },
  },
} as const;

/** One rule (`<rule-id>/rule.yaml`): metadata plus a template instantiation. */
export const RULE_SCHEMA = {
  type: 'object',
  required: ['id', 'title', 'severity', 'confidence', 'message', 'description', 'remediation', 'match'],
  additionalProperties: false,
  properties: {
    id: ID,
    title: { type: 'string', minLength: 1, maxLength: 100 },
    severity: { enum: SEVERITIES },
    confidence: { enum: ['high', 'medium', 'low'] },
    message: { type: 'string', minLength: 1, maxLength: 200 },
    description: { type: 'string', minLength: 1 },
    remediation: { type: 'string', minLength: 1 },
    peers: {
      type: 'object',
      propertyNames: ID,
      additionalProperties: { type: 'array', items: { type: 'string', minLength: 1 } },
    },
    cwe: { type: 'array', items: { type: 'string', pattern: '^CWE-\\d+$' } },
    references: { type: 'array', items: { type: 'string', pattern: '^https://' } },
    tags: { type: 'array', items: ID },
    supersedes: { type: 'array', items: { anyOf: [ID, { type: 'string', pattern: '^tag:[a-z0-9]+(?:-[a-z0-9]+)*$', maxLength: MAX_ID_LENGTH + 4 }] } },
    implies: { type: 'array', items: ID },
    match: {
      type: 'object',
      required: ['template'],
      additionalProperties: false,
      properties: { template: { type: 'string' }, params: { type: 'object' } },
    },
    fix: {
      type: 'object',
      additionalProperties: false,
      properties: { kind: { enum: ['autofix', 'suggestion'] }, title: { type: 'string', minLength: 1 } },
    },
  },
} as const;
