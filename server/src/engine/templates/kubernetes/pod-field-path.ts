import { isMap, isScalar, type Node, type YAMLMap } from 'yaml';
import { containerAnchor, containerKey, containersOf, podEditContext, POD_READER_KINDS, type ContainerGroup, type ContainerRef, type PodSpecRef } from '../../parsers/kubernetes-workloads';
import { deletePair, deleteSeqItem, replaceScalar, type YamlEditContext } from '../../parsers/yaml-edits';
import { findPair, nodeSpan, pairSpan, scalarText } from '../../parsers/yaml-nodes';
import type { Fix, Span } from '../../types';
import { defineTemplate } from '../template';
import { containerOrigins, containerSubject, EXEMPTIONS_SCHEMA, exempted, podOrigins, podSpecs, podSubject, SCALAR_VALUE_SCHEMA, SUBJECT_PLACEHOLDERS, type Exemptions, type FieldValue } from './field-values';
import { isCollection, parsePath, walkPath, type PathMatch, type PathSegment } from './field-paths';

interface Params {
  /**
   * Where to look, each path relative to: every container (`containers.…`, in the groups of `groups`),
   * the pod template's metadata (`metadata.…`), else the pod spec. `*` is every list item or map value,
   * `prefix*` the map keys with that prefix, `[a.b/c]` a key with dots.
   */
  readonly paths: readonly string[];
  readonly groups?: readonly ContainerGroup[];
  /** A scalar that is set must be one of these (compared as text); `""` allows the empty string. */
  readonly allowed?: readonly FieldValue[];
  /** …or start with one of these. */
  readonly allowedPrefixes?: readonly string[];
  /** A scalar that is set must not be one of these. */
  readonly forbidden?: readonly FieldValue[];
  /** The matched map key (after `*`) must be one of these: a volume's type, for instance. */
  readonly allowedKeys?: readonly string[];
  /** Report any value that is set and not null, collections included (a secretKeyRef, say). */
  readonly present?: boolean;
  /** Every container (or pod) must set the path (no wildcards): reported on the container when it does not. */
  readonly required?: boolean;
  /** Fixes for a reported value: delete its key, delete the list item it is in, or replace it. */
  readonly fixes?: readonly ('delete' | 'delete-item' | 'replace')[];
  readonly replaceWith?: FieldValue;
  readonly exempt?: Exemptions;
}

const GROUPS = ['containers', 'initContainers', 'ephemeralContainers'];

export const podFieldPath = defineTemplate<'kubernetes', Params>({
  id: 'k8s-pod-field-path',
  language: 'kubernetes',
  objectKinds: POD_READER_KINDS,
  description:
    'Checks fields of every pod of every workload kind by path, in the pod spec, the pod template\'s metadata, or every container (containers, initContainers, ephemeralContainers): a scalar must be `allowed` (or start with an allowed prefix) and not `forbidden`, a matched map key must be in `allowedKeys`, `present` reports anything set, `required` reports a container (or pod) that lacks the path. Reports a value on its pair (on its key for a collection) and a missing one on the container; offers to delete the key or the list item, or to replace the value.',
  paramsSchema: {
    type: 'object',
    required: ['paths'],
    additionalProperties: false,
    properties: {
      paths: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } },
      groups: { type: 'array', minItems: 1, uniqueItems: true, items: { enum: GROUPS } },
      allowed: { type: 'array', minItems: 1, items: SCALAR_VALUE_SCHEMA },
      allowedPrefixes: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } },
      forbidden: { type: 'array', minItems: 1, items: SCALAR_VALUE_SCHEMA },
      allowedKeys: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } },
      present: { type: 'boolean' },
      required: { type: 'boolean' },
      fixes: { type: 'array', uniqueItems: true, items: { enum: ['delete', 'delete-item', 'replace'] } },
      replaceWith: SCALAR_VALUE_SCHEMA,
      exempt: EXEMPTIONS_SCHEMA,
    },
  },
  placeholders: [...SUBJECT_PLACEHOLDERS, 'field', 'value', 'key'],
  // A pod spec edit changes what the workload does: suggestions only (docs/architecture.md). The rule's
  // `fix:` is the one place a rule chooses; there is no params.fixKind.
  fixKind: 'suggestion',
  instantiate: (params) => {
    const paths = params.paths.map((text) => {
      const segments = parsePath(text);
      const first = segments[0];
      const root = first && 'key' in first && (first.key === 'containers' || first.key === 'metadata') ? first.key : 'spec';
      return { root, segments: root === 'containers' ? segments.slice(1) : segments };
    });
    const violates = (match: PathMatch): string | undefined => {
      if (params.allowedKeys) return match.key !== undefined && !params.allowedKeys.includes(match.key) ? match.key : undefined;
      if (params.present) return isSet(match.node) ? describe(match.node) : undefined;
      if (!isScalar(match.node)) return undefined;
      const value = match.node.value;
      if (value === null || value === undefined) return undefined;
      const text = scalarText(value);
      if (params.forbidden?.some((f) => String(f) === text)) return text;
      const ok = (params.allowed?.some((a) => String(a) === text) ?? false) || (params.allowedPrefixes?.some((p) => text.startsWith(p)) ?? false);
      return (params.allowed || params.allowedPrefixes) && !ok ? text : undefined;
    };
    return (model, ctx) => {
      for (const pod of podSpecs(model, ctx)) {
        if (exempted(pod, params.exempt)) continue;
        let editContext: YamlEditContext | undefined;
        const edit = () => (editContext ??= podEditContext(model, pod));
        const groups = params.groups ?? (GROUPS as ContainerGroup[]);
        if (params.required) {
          const podPaths = paths.filter((p) => p.root !== 'containers');
          if (podPaths.length > 0) requireAll(pod.spec, podPaths, undefined);
          const containerPaths = paths.filter((p) => p.root === 'containers');
          if (containerPaths.length > 0) for (const container of containersOf(pod, groups)) requireAll(container.node, containerPaths, container);
          continue;
        }
        for (const { root, segments } of paths) {
          if (root === 'containers') {
            for (const container of containersOf(pod, groups)) check(container.node, segments, container);
          } else {
            const from = root === 'metadata' ? pod.template : pod.spec;
            if (from) check(from, segments, undefined);
          }
        }

        /** One finding per container (or pod) that lacks any of the paths, naming every missing one. */
        function requireAll(node: YAMLMap, required: readonly { segments: PathSegment[] }[], container: ContainerRef | undefined): void {
          const missing = required.filter((p) => !walkPath(pod.doc, node, p.segments).some((m) => isSet(m.node))).map((p) => p.segments.map((s) => ('key' in s ? s.key : '*')).join('.'));
          if (missing.length === 0) return;
          const subject = container ? containerSubject(container) : podSubject(pod);
          // On the key the missing fields would go under (`resources:`) when it exists, else on the container.
          const head = required[0].segments[0];
          const parent = head && 'key' in head ? findPair(pod.doc, node, head.key) : undefined;
          const span = parent ? nodeSpan(pod.base, parent.key as Node) : container ? containerAnchor(container) : anchorOf(pod);
          const key = container ? containerKey(container) : subject.object;
          if (span) ctx.report({ span, key, data: { ...subject, field: missing.join(', '), value: 'unset', key: '' }, origins: container ? containerOrigins(container) : podOrigins(pod) });
        }

        function check(node: YAMLMap, segments: PathSegment[], container: ContainerRef | undefined): void {
          const matches = walkPath(pod.doc, node, segments);
          // Who the finding is about is read only for a finding: most containers match nothing.
          let about: { readonly subject: Record<string, string>; readonly origins: Record<string, Span>; readonly key: string } | undefined;
          for (const match of matches) {
            const value = violates(match);
            if (value === undefined) continue;
            const span = spanOf(pod, match);
            if (!span) continue;
            if (!about) {
              const subject = container ? containerSubject(container) : podSubject(pod);
              about = { subject, origins: container ? containerOrigins(container) : podOrigins(pod), key: container ? containerKey(container) : subject.object };
            }
            const { subject, origins, key } = about;
            ctx.report({ span, key: `${key}/${match.label}`, data: { ...subject, field: match.label, value, key: match.key ?? '' }, origins, fixes: fixesFor(edit, match) });
          }
        }
      }
    };

    function fixesFor(edit: () => YamlEditContext, match: PathMatch): Fix[] {
      const kind = 'suggestion';
      const out: Fix[] = [];
      for (const fix of params.fixes ?? []) {
        if (fix === 'delete' && match.pair && isMap(match.parent)) {
          const change = deletePair(edit(), match.parent, match.pair);
          if (change) out.push({ title: `Remove ${match.label.split('.').pop() ?? match.label}`, kind, edits: [change] });
        } else if (fix === 'delete-item' && match.item) {
          const change = deleteSeqItem(edit(), match.item.seq, match.item.index);
          if (change) out.push({ title: 'Remove this list item', kind, edits: [change] });
        } else if (fix === 'replace' && params.replaceWith !== undefined && isScalar(match.node)) {
          const change = replaceScalar(edit(), match.node, params.replaceWith);
          if (change) out.push({ title: `Set ${match.label.split('.').pop() ?? match.label} to ${String(params.replaceWith)}`, kind, edits: [change] });
        }
      }
      return out;
    }
  },
});

function isSet(node: unknown): boolean {
  if (isCollection(node)) return (node as unknown as { items: unknown[] }).items.length > 0;
  return (isScalar(node) && node.value !== null && node.value !== undefined && node.value !== '');
}

function describe(node: unknown): string {
  if (isScalar(node)) return String(node.value);
  return isCollection(node) ? 'set' : '';
}

/** A scalar on its pair (`hostPort: 8080`); a collection on its key (`nfs:`); a list item on itself. */
function spanOf(pod: PodSpecRef, match: PathMatch): Span | undefined {
  if (match.pair) return isCollection(match.node) ? nodeSpan(pod.base, match.pair.key as Node) : pairSpan(pod.base, match.pair);
  return nodeSpan(pod.base, match.node as Node);
}

function anchorOf(pod: PodSpecRef): Span | undefined {
  const first = pod.spec.items[0];
  return first ? nodeSpan(pod.base, first.key as Node) : undefined;
}
