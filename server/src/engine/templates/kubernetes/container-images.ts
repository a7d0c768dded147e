import { isScalar, Scalar } from 'yaml';
import { containerKey, containersOf } from '../../parsers/kubernetes-workloads';
import type { KubernetesModel } from '../../parsers/kubernetes';
import { findPair, nodeSpan } from '../../parsers/yaml-nodes';
import type { Span } from '../../types';
import { containerSubject, podSpecs } from './field-values';

// Every container image of every workload (containers, initContainers, ephemeralContainers), with the
// span of its text: shared by the approved-image rules and the editor's image features.

export interface ContainerImage {
  /** The value, trimmed. */
  readonly text: string;
  /** The value inside its quotes when written on one line; else the whole scalar. */
  readonly span: Span;
  /** The value is written as itself on one line, so replacing `span` with another reference is safe. */
  readonly replaceable: boolean;
  readonly key: string;
  readonly data: Readonly<Record<string, string>>;
}

/** Empty images and images built from variables (`$IMAGE`, templated manifests) are left out. */
export function containerImages(model: KubernetesModel): ContainerImage[] {
  const out: ContainerImage[] = [];
  for (const pod of podSpecs(model)) {
    for (const container of containersOf(pod)) {
      const node = findPair(pod.doc, container.node, 'image')?.value;
      if (!isScalar(node) || typeof node.value !== 'string') continue;
      const text = node.value.trim();
      if (text === '' || text.includes('$')) continue;
      const whole = nodeSpan(pod.base, node);
      if (!whole) continue;
      const inner = valueSpan(node, whole);
      out.push({ text, span: inner ?? whole, replaceable: inner !== undefined, key: containerKey(container), data: containerSubject(container) });
    }
  }
  return out;
}

/** The value's text inside its quotes, when the scalar is written as its value on one line (no escapes, no folding). */
function valueSpan(node: Scalar, whole: Span): Span | undefined {
  if (node.type === Scalar.BLOCK_FOLDED || node.type === Scalar.BLOCK_LITERAL) return undefined;
  const quote = node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE ? 1 : 0;
  const value = String(node.value);
  if (whole.end - whole.start !== value.length + 2 * quote || value !== value.trim()) return undefined;
  return { start: whole.start + quote, end: whole.end - quote };
}
