import { isScalar, type Node } from 'yaml';
import { objectLabel } from '../../parsers/kubernetes-workloads';
import { findPair, nodeSpan, pairSpan } from '../../parsers/yaml-nodes';
import { defineTemplate } from '../template';
import { parsePath, walkPath } from './field-paths';

// CIS Benchmark checks on component configuration files (KubeletConfiguration): "field X has / lacks
// value Y", as data, the file-format twin of k8s-control-plane-flags.

interface FieldCheck {
  readonly cis: string;
  readonly title: string;
  /** Dotted path from the object root, e.g. authentication.anonymous.enabled. */
  readonly path: string;
  readonly equals?: string | number | boolean;
  readonly notEquals?: string | number | boolean;
  /** The value when the field is unset (the component's default), judged like a written one. */
  readonly default?: string | number | boolean;
}

interface Params {
  readonly kinds: readonly string[];
  readonly checks: readonly FieldCheck[];
}

const CONFIG_KINDS = ['KubeletConfiguration'];
const SCALAR = { type: ['string', 'number', 'boolean'] };

export const configChecks = defineTemplate<'kubernetes', Params>({
  id: 'k8s-config-checks',
  language: 'kubernetes',
  objectKinds: CONFIG_KINDS,
  description:
    'CIS Benchmark checks on component configuration objects (KubeletConfiguration): each check names a field path and the value it must have (`equals`) or must not have (`notEquals`), with the component\'s `default` standing in for an unset field. Reports a wrong value on its pair and a failing default on `kind:`.',
  paramsSchema: {
    type: 'object',
    required: ['kinds', 'checks'],
    additionalProperties: false,
    properties: {
      kinds: { type: 'array', minItems: 1, items: { enum: CONFIG_KINDS } },
      checks: {
        type: 'array',
        minItems: 1,
        items: {
          type: 'object',
          required: ['cis', 'title', 'path'],
          minProperties: 4,
          additionalProperties: false,
          properties: { cis: { type: 'string', pattern: '^[0-9]+(\\.[0-9]+)*$' }, title: { type: 'string', minLength: 1 }, path: { type: 'string', minLength: 1 }, equals: SCALAR, notEquals: SCALAR, default: SCALAR },
        },
      },
    },
  },
  placeholders: ['object', 'cis', 'check', 'detail'],
  instantiate: (params) => {
    const checks = params.checks.map((c) => ({ ...c, segments: parsePath(c.path) }));
    return (model, ctx) => {
      for (const object of model.objects) {
        const doc = object.document.doc;
        if (!doc || !object.kind || !params.kinds.includes(object.kind)) continue;
        const label = objectLabel(object);
        for (const check of checks) {
          const match = walkPath(doc, object.node, check.segments).find((m) => isScalar(m.node) && m.node.value !== null);
          const written = match && isScalar(match.node) ? String(match.node.value) : undefined;
          const value = written ?? (check.default === undefined ? undefined : String(check.default));
          const wrong = value === undefined ? check.equals !== undefined : (check.equals !== undefined && value !== String(check.equals)) || (check.notEquals !== undefined && value === String(check.notEquals));
          if (!wrong) continue;
          const detail = written !== undefined ? `${check.path} is ${written}` : value !== undefined ? `${check.path} is unset, so ${value}` : `${check.path} is unset`;
          const span = match?.pair ? pairSpan(object.document.base, match.pair) : nodeSpan(object.document.base, findPair(doc, object.node, 'kind')?.key as Node);
          if (span) ctx.report({ span, key: `${label}/${check.cis}/${check.path}`, data: { object: label, cis: check.cis, check: check.title, detail } });
        }
      }
    };
  },
});
