import { isScalar, type Node, type Scalar } from 'yaml';
import { containerKey, containersOf, podSpecOf } from '../../parsers/kubernetes-workloads';
import { asSeq, findPair, getIn, nodeSpan, scalarString } from '../../parsers/yaml-nodes';
import { defineTemplate } from '../template';
import { containerOrigins } from './field-values';

// CIS Kubernetes Benchmark checks on control-plane static Pod manifests (kube-apiserver, etcd, the
// controller manager, the scheduler): each is "flag X has / lacks value Y", so one template reads the
// command line and the rules are lists of checks.

interface FlagCheck {
  /** The CIS Benchmark recommendation, `1.2.1`. */
  readonly cis: string;
  readonly title: string;
  readonly flag: string;
  /** Must be set to this value. */
  readonly equals?: string;
  /** Must not be set to this value. */
  readonly notEquals?: string;
  /** Must be set (any value). */
  readonly present?: boolean;
  /** Must not be set at all. */
  readonly absent?: boolean;
  /** A comma-separated value must include this item. */
  readonly includes?: string;
  /** A comma-separated value must not include this item. */
  readonly excludes?: string;
  /** A number, at least this. */
  readonly atLeast?: number;
  /** An unset flag passes (its default is safe) for equals/includes/atLeast. */
  readonly unsetPasses?: boolean;
}

interface Params {
  /** The program name of the component (`kube-apiserver`), matched on the command's items by basename. */
  readonly component: string;
  readonly checks: readonly FlagCheck[];
}

interface Flag {
  readonly value?: string;
  readonly node: Scalar;
}

/** `--name=value` and `--name value` items of command and args, by name; the last one wins, as in Go's flag package. */
function readFlags(items: readonly Scalar[]): Map<string, Flag> {
  const flags = new Map<string, Flag>();
  items.forEach((node, index) => {
    const text = String(node.value);
    if (!text.startsWith('--')) return;
    const eq = text.indexOf('=');
    const next = items[index + 1] ? String(items[index + 1].value) : undefined;
    if (eq > 0) flags.set(text.slice(0, eq), { value: text.slice(eq + 1), node });
    else flags.set(text, { value: next !== undefined && !next.startsWith('-') ? next : undefined, node });
  });
  return flags;
}

/** Why the flag fails the check, or undefined when it passes. */
function failure(check: FlagCheck, flag: Flag | undefined): string | undefined {
  const value = flag?.value;
  if (check.absent) return flag ? `${check.flag} is set` : undefined;
  if (check.notEquals !== undefined) return flag && (value ?? 'true') === check.notEquals ? `${check.flag} is ${check.notEquals}` : undefined;
  const list = (value ?? '').split(',').map((s) => s.trim());
  if (check.excludes !== undefined) return list.includes(check.excludes) ? `${check.flag} includes ${check.excludes}` : undefined;
  if (!flag) return check.unsetPasses ? undefined : `${check.flag} is not set`;
  if (check.present) return undefined;
  if (check.includes !== undefined) return list.includes(check.includes) ? undefined : `${check.flag} lacks ${check.includes}`;
  if (check.equals !== undefined) return value === check.equals ? undefined : `${check.flag} is ${value ?? 'true'}, not ${check.equals}`;
  if (check.atLeast !== undefined) return Number(value) >= check.atLeast ? undefined : `${check.flag} is ${value ?? 'empty'}, below ${check.atLeast}`;
  return undefined;
}

const CHECK_SCHEMA = {
  type: 'object',
  required: ['cis', 'title', 'flag'],
  additionalProperties: false,
  minProperties: 4,
  properties: {
    cis: { type: 'string', pattern: '^[0-9]+(\\.[0-9]+)*$' },
    title: { type: 'string', minLength: 1 },
    flag: { type: 'string', pattern: '^--[a-z0-9-]+$' },
    equals: { type: 'string' },
    notEquals: { type: 'string' },
    present: { const: true },
    absent: { const: true },
    includes: { type: 'string', minLength: 1 },
    excludes: { type: 'string', minLength: 1 },
    atLeast: { type: 'number' },
    unsetPasses: { type: 'boolean' },
  },
};

export const controlPlaneFlags = defineTemplate<'kubernetes', Params>({
  id: 'k8s-control-plane-flags',
  language: 'kubernetes',
  objectKinds: ['Pod'],
  description:
    'CIS Benchmark flag checks on control-plane static Pods: in every Pod container that runs `component` (an item of command or args whose basename is the component, or an image of that name), reads `--flag=value` and `--flag value` from command and args, and reports each failing check (equals, notEquals, present, absent, includes/excludes in a comma list, atLeast) on the flag item, or on the `command:` key when the flag is missing.',
  paramsSchema: {
    type: 'object',
    required: ['component', 'checks'],
    additionalProperties: false,
    properties: { component: { type: 'string', pattern: '^[a-z0-9-]+$' }, checks: { type: 'array', minItems: 1, items: CHECK_SCHEMA } },
  },
  placeholders: ['object', 'container', 'cis', 'check', 'detail'],
  instantiate: (params) => (model, ctx) => {
    for (const object of model.objects) {
      const pod = object.kind === 'Pod' ? podSpecOf(object) : undefined;
      if (!pod) continue;
      for (const container of containersOf(pod, ['containers'])) {
        const items: Scalar[] = [];
        for (const key of ['command', 'args']) {
          for (const item of asSeq(pod.doc, getIn(pod.doc, container.node, [key]))?.items ?? []) if (isScalar(item) && item.value !== null) items.push(item);
        }
        // The program is named in command or args, or is the image's entrypoint (`registry.k8s.io/etcd:3.5.15-0`).
        const image = scalarString(getIn(pod.doc, container.node, ['image'])) ?? '';
        const imageName = withoutTag(image.split('@')[0]).split('/').pop();
        // A flag's value is not the program (`--root-dir=/var/lib/kubelet` in a CSI driver's args).
        if (imageName !== params.component && !items.some((i) => !String(i.value).startsWith('-') && String(i.value).split('/').pop() === params.component)) continue;
        const flags = readFlags(items);
        const anchor = findPair(pod.doc, container.node, 'command') ?? findPair(pod.doc, container.node, 'args');
        for (const check of params.checks) {
          const flag = flags.get(check.flag);
          const detail = failure(check, flag);
          if (detail === undefined) continue;
          const span = flag && !check.present ? nodeSpan(pod.base, flag.node) : anchor ? nodeSpan(pod.base, anchor.key as Node) : undefined;
          if (!span) continue;
          ctx.report({ span, key: `${containerKey(container)}/${check.cis}/${check.flag}`, data: { object: `${object.kind}/${object.name ?? '(unnamed)'}`, container: container.name, cis: check.cis, check: check.title, detail }, origins: containerOrigins(container) });
        }
      }
    }
  },
});

/** `registry:5000/etcd:3.5` -> `registry:5000/etcd`: the first `:` after the last `/` starts the tag. */
function withoutTag(repository: string): string {
  const colon = repository.indexOf(':', repository.lastIndexOf('/') + 1);
  return colon < 0 ? repository : repository.slice(0, colon);
}
