import { isScalar, type Scalar, type YAMLSeq } from 'yaml';
import { objectLabel } from '../../parsers/kubernetes-workloads';
import { asMap, asSeq, getIn, nodeSpan, scalarText } from '../../parsers/yaml-nodes';
import { defineTemplate } from '../template';

interface Params {
  /** Report every `*` in a rule's verbs, resources or apiGroups (one finding per rule), ignoring the lists below. */
  readonly wildcard?: boolean;
  /** The rule must grant one of these verbs; absent: any verb. */
  readonly verbs?: readonly string[];
  /** …on one of these resources (`pods/exec`); absent: any resource. */
  readonly resources?: readonly string[];
  /** …in one of these API groups (`""` is the core group); absent: any group. */
  readonly apiGroups?: readonly string[];
  /**
   * Where to report: each matching resource item (default) or each matching verb item. A `*` counts on the
   * other side only (a `*` verb grants `get` on `secrets`), so a `*` itself is only ever the wildcard rule's.
   */
  readonly reportOn?: 'resources' | 'verbs';
  /** Leave alone rules that name their objects (`resourceNames`): a controller scoped to its own webhook configuration. */
  readonly exceptResourceNames?: boolean;
  /** Only rules that name one of these objects in `resourceNames` (EKS's `aws-auth` ConfigMap): writing that one object is the risk. */
  readonly onlyResourceNames?: readonly string[];
}

export const RBAC_ROLE_KINDS = ['Role', 'ClusterRole'];

interface Entry {
  readonly value: string;
  readonly node: Scalar;
}

function entries(seq: YAMLSeq | undefined): Entry[] {
  const out: Entry[] = [];
  for (const item of seq?.items ?? []) if (isScalar(item) && item.value !== null && item.value !== undefined) out.push({ value: scalarText(item.value), node: item });
  return out;
}

export const rbacRule = defineTemplate<'kubernetes', Params>({
  id: 'k8s-rbac-rule',
  language: 'kubernetes',
  objectKinds: RBAC_ROLE_KINDS,
  description:
    'Reads every rule of every Role and ClusterRole (not only the first). With `wildcard`, reports the first `*` of each rule\'s verbs, resources or apiGroups. Otherwise reports each rule that grants one of `verbs` on one of `resources` in one of `apiGroups` (each absent list matches anything; a `*` in the rule counts on the side not reported, `pods/*` covers the subresources of pods, `*/exec` the exec subresource of every resource), on each matching resource item or, with `reportOn: verbs`, each matching verb item. With `exceptResourceNames`, rules restricted by `resourceNames` are left alone; with `onlyResourceNames`, only rules whose `resourceNames` name one of those objects are read.',
  paramsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      wildcard: { type: 'boolean' },
      verbs: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } },
      resources: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } },
      apiGroups: { type: 'array', minItems: 1, items: { type: 'string' } },
      reportOn: { enum: ['resources', 'verbs'] },
      exceptResourceNames: { type: 'boolean', description: 'Leave alone rules that name their objects (`resourceNames`): a controller scoped to its own webhook configuration.' },
      onlyResourceNames: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 }, description: 'Only rules whose `resourceNames` name one of these objects (EKS `aws-auth`).' },
    },
  },
  placeholders: ['object', 'rule', 'verbs', 'resource', 'verb'],
  instantiate: (params) => {
    const onVerbs = params.reportOn === 'verbs';
    // `pods/*` grants every subresource of pods, `*/approval` that subresource of every resource (RBAC's
    // ResourceMatches); `*` grants everything where it counts.
    const grants = (granted: string, wanted: string, starCounts: boolean) =>
      granted === wanted ||
      (starCounts && granted === '*') ||
      (granted.endsWith('/*') && wanted.startsWith(granted.slice(0, -1))) ||
      (granted.startsWith('*/') && wanted.includes('/') && wanted.endsWith(granted.slice(1)));
    const covers = (granted: readonly Entry[], wanted: readonly string[] | undefined, starCounts: boolean): readonly Entry[] =>
      wanted === undefined ? granted : granted.filter((g) => wanted.some((w) => grants(g.value, w, starCounts)));
    return (model, ctx) => {
      for (const object of model.objects) {
        if (!object.kind || !RBAC_ROLE_KINDS.includes(object.kind) || !object.document.doc) continue;
        const doc = object.document.doc;
        const base = object.document.base;
        const rules = asSeq(doc, getIn(doc, object.node, ['rules']));
        rules?.items.forEach((item, index) => {
          const rule = asMap(doc, item);
          if (!rule) return;
          const verbs = entries(asSeq(doc, getIn(doc, rule, ['verbs'])));
          const resources = entries(asSeq(doc, getIn(doc, rule, ['resources'])));
          const groups = entries(asSeq(doc, getIn(doc, rule, ['apiGroups'])));
          const data = { object: objectLabel(object), rule: `rules[${index}]`, verbs: verbs.map((v) => v.value).join(', ') };
          const report = (entry: Entry, extra: Record<string, string>) => {
            const span = nodeSpan(base, entry.node);
            if (span) ctx.report({ span, key: `${data.object}/${data.rule}/${entry.value}`, data: { ...data, resource: '', verb: '', ...extra } });
          };
          if (params.wildcard) {
            const star = [...verbs, ...resources, ...groups].filter((e) => e.value === '*').sort((x, y) => (x.node.range?.[0] ?? 0) - (y.node.range?.[0] ?? 0))[0];
            if (star) report(star, {});
            return;
          }
          // A rule for non-resource URLs has no resources and grants nothing on objects.
          if (resources.length === 0) return;
          const names = params.exceptResourceNames || params.onlyResourceNames ? entries(asSeq(doc, getIn(doc, rule, ['resourceNames']))) : [];
          if (params.exceptResourceNames && names.length > 0) return;
          const wantedNames = params.onlyResourceNames;
          if (wantedNames && !names.some((n) => wantedNames.includes(n.value))) return;
          const verbHits = covers(verbs, params.verbs, !onVerbs);
          const resourceHits = covers(resources, params.resources, onVerbs);
          const groupHits = groups.length === 0 ? [undefined] : covers(groups, params.apiGroups, true);
          if (verbHits.length === 0 || resourceHits.length === 0 || groupHits.length === 0) return;
          const shownResource = resourceHits.map((r) => r.value).join(', ');
          const shownVerb = verbHits.map((v) => v.value).join(', ');
          if (onVerbs) for (const verb of verbHits) report(verb, { resource: shownResource, verb: verb.value });
          else for (const resource of resourceHits) report(resource, { resource: resource.value, verb: shownVerb });
        });
      }
    };
  },
});
