import { isScalar, type Node } from 'yaml';
import type { K8sObject } from '../../parsers/kubernetes';
import { objectLabel } from '../../parsers/kubernetes-workloads';
import { findPair, nodeSpan, pairSpan, scalarText } from '../../parsers/yaml-nodes';
import type { Span } from '../../types';
import { defineTemplate } from '../template';
import { SCALAR_VALUE_SCHEMA, type FieldValue } from './field-values';
import { isCollection, parsePath, walkPath, type PathMatch, type PathSegment } from './field-paths';
import { normaliseHostPath } from './host-path-volume';

// Fields of objects that are not pods (Services, Ingresses, PersistentVolumes, ServiceAccounts), by
// path: the same path language as k8s-pod-field-path, from the object's root.

interface Params {
  readonly kinds: readonly string[];
  /** API groups the object's apiVersion must be in (`""` is core: a Knative Service is not a core Service). */
  readonly apiGroups?: readonly string[];
  /** Only objects whose scalar at each path is one of the listed values. */
  readonly where?: Readonly<Record<string, readonly FieldValue[]>>;
  /** Objects that set any of these paths are left alone (a LoadBalancer with loadBalancerSourceRanges). */
  readonly unless?: readonly string[];
  readonly paths: readonly string[];
  readonly allowed?: readonly FieldValue[];
  readonly forbidden?: readonly FieldValue[];
  /** RE2: a scalar that matches is reported (a Gatekeeper repository prefix that does not end the name). */
  readonly forbiddenPattern?: string;
  /** A host path equal to one of these, or under one (`/` only when equal), after normalising. */
  readonly hostPathUnder?: readonly string[];
  /** Report anything set, collections included. */
  readonly present?: boolean;
  /** The object must set each path: reported on the deepest key of the path it has, else on `kind`. */
  readonly required?: boolean;
}

/**
 * The kinds this template may read, fixed so that sections of other kinds (CRDs) are still never parsed;
 * add a kind here when a rule needs it.
 */
const OBJECT_KINDS = ['Service', 'Ingress', 'PersistentVolume', 'ServiceAccount', 'ConfigMap', 'Secret', 'NetworkPolicy', 'Namespace', 'SecurityContextConstraints', 'K8sAllowedRepos'];

const STRINGS = { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } };

function group(apiVersion: string | undefined): string {
  const slash = apiVersion?.indexOf('/') ?? -1;
  return apiVersion && slash > 0 ? apiVersion.slice(0, slash) : '';
}

/** Set and not empty: `externalIPs: []` and `tls: []` say nothing. */
function isSet(node: unknown): boolean {
  if (isCollection(node)) return (node as unknown as { items: unknown[] }).items.length > 0;
  return (isScalar(node) && node.value !== null && node.value !== undefined && node.value !== '');
}

function under(path: string, roots: readonly string[]): boolean {
  const p = normaliseHostPath(path);
  return roots.some((root) => {
    const r = normaliseHostPath(root);
    return p === r || (r !== '/' && p.startsWith(`${r}/`));
  });
}

export const objectField = defineTemplate<'kubernetes', Params>({
  id: 'k8s-object-field',
  language: 'kubernetes',
  objectKinds: OBJECT_KINDS,
  description:
    'Checks fields of objects of the given `kinds` (and `apiGroups`), by path from the object root (`*` for every item, `prefix*`, `[a.b/c]`), optionally only `where` scalars have given values and `unless` another path is set: a scalar must be `allowed` and not `forbidden` (nor match `forbiddenPattern`), a host path must not be `hostPathUnder` the given roots, `present` reports anything set, `required` reports an object that lacks the path (on the deepest key it has).',
  paramsSchema: {
    type: 'object',
    required: ['kinds', 'paths'],
    additionalProperties: false,
    properties: {
      kinds: { type: 'array', minItems: 1, items: { enum: OBJECT_KINDS } },
      apiGroups: { type: 'array', minItems: 1, items: { type: 'string' } },
      where: { type: 'object', additionalProperties: { type: 'array', minItems: 1, items: SCALAR_VALUE_SCHEMA } },
      unless: STRINGS,
      paths: STRINGS,
      allowed: { type: 'array', minItems: 1, items: SCALAR_VALUE_SCHEMA },
      forbidden: { type: 'array', minItems: 1, items: SCALAR_VALUE_SCHEMA },
      forbiddenPattern: { type: 'string', minLength: 1, description: 'RE2: a scalar that matches is reported (a Gatekeeper repository prefix that does not end the name).' },
      hostPathUnder: { type: 'array', minItems: 1, items: { type: 'string', pattern: '^/' } },
      present: { type: 'boolean' },
      required: { type: 'boolean' },
    },
  },
  placeholders: ['object', 'field', 'value'],
  instantiate: (params, regex) => {
    const paths = params.paths.map(parsePath);
    const forbiddenPattern = params.forbiddenPattern ? regex(params.forbiddenPattern) : undefined;
    const unless = (params.unless ?? []).map(parsePath);
    const where = Object.entries(params.where ?? {}).map(([path, values]) => ({ path: parsePath(path), values: values.map(String) }));
    const violates = (match: PathMatch): string | undefined => {
      if (params.present) return isSet(match.node) ? (isScalar(match.node) ? String(match.node.value) : 'set') : undefined;
      if (!isScalar(match.node) || match.node.value === null || match.node.value === undefined) return undefined;
      const text = scalarText(match.node.value);
      if (params.hostPathUnder) return under(text, params.hostPathUnder) ? text : undefined;
      if (params.forbidden?.some((f) => String(f) === text)) return text;
      if (forbiddenPattern?.test(text)) return text;
      return params.allowed && !params.allowed.some((a) => String(a) === text) ? text : undefined;
    };
    const selected = (object: K8sObject): boolean => {
      const doc = object.document.doc;
      if (!doc || !object.kind || !params.kinds.includes(object.kind)) return false;
      if (params.apiGroups && !params.apiGroups.includes(group(object.apiVersion))) return false;
      const scalarAt = (path: PathSegment[]) => walkPath(doc, object.node, path).map((m) => (isScalar(m.node) ? String(m.node.value) : undefined));
      if (!where.every((w) => scalarAt(w.path).some((v) => v !== undefined && w.values.includes(v)))) return false;
      return !unless.some((path) => walkPath(doc, object.node, path).some((m) => isSet(m.node)));
    };
    return (model, ctx) => {
      for (const object of model.objects) {
        if (!selected(object)) continue;
        const doc = object.document.doc;
        if (!doc) continue;
        const base = object.document.base;
        const label = objectLabel(object);
        for (const path of paths) {
          const matches = walkPath(doc, object.node, path);
          if (params.required && !matches.some((m) => isSet(m.node))) {
            const field = path.map((s) => ('key' in s ? s.key : '*')).join('.');
            const span = deepestKey(object, path) ?? nodeSpan(base, findPair(doc, object.node, 'kind')?.key as Node);
            if (span) ctx.report({ span, key: `${label}/${field}`, data: { object: label, field, value: 'unset' } });
            continue;
          }
          for (const match of matches) {
            const value = violates(match);
            if (value === undefined) continue;
            const span = match.pair ? (isCollection(match.node) ? nodeSpan(base, match.pair.key as Node) : pairSpan(base, match.pair)) : nodeSpan(base, match.node as Node);
            if (span) ctx.report({ span, key: `${label}/${match.label}`, data: { object: label, field: match.label, value } });
          }
        }
      }
    };
  },
});

/** The key of the longest prefix of the path that the object has (`spec:` for a missing spec.tls). */
function deepestKey(object: K8sObject, path: readonly PathSegment[]): Span | undefined {
  const doc = object.document.doc;
  if (!doc) return undefined;
  for (let length = path.length - 1; length > 0; length--) {
    const match = walkPath(doc, object.node, path.slice(0, length))[0];
    if (match?.pair) return nodeSpan(object.document.base, match.pair.key as Node);
  }
  return undefined;
}
