import { isScalar, Scalar } from 'yaml';
import { containerKey, containersOf, POD_READER_KINDS } from '../../parsers/kubernetes-workloads';
import { findPair, nodeSpan } from '../../parsers/yaml-nodes';
import type { Span } from '../../types';
import { APPROVED_IMAGE_PARAMS_SCHEMA, APPROVED_IMAGE_PLACEHOLDERS, approvedImageReport, type ApprovedImageCheck } from '../images/verdict-report';
import { defineTemplate } from '../template';
import { containerSubject, podSpecs, SUBJECT_PLACEHOLDERS } from './field-values';

interface Params {
  readonly report: ApprovedImageCheck;
}

export const approvedImage = defineTemplate<'kubernetes', Params>({
  id: 'k8s-approved-image',
  language: 'kubernetes',
  objectKinds: POD_READER_KINDS,
  description:
    'Judges each container image (containers, initContainers, ephemeralContainers of every workload kind) against the approved-images list in force: `unapproved`, `deprecated` (a warning before the date, the rule severity after), or `digest` (the list requires digests). Silent when no list is in force; images that are empty or use variables are skipped. The fix replaces a plain or quoted one-line image with the replacement the list names.',
  paramsSchema: APPROVED_IMAGE_PARAMS_SCHEMA,
  placeholders: [...SUBJECT_PLACEHOLDERS, ...APPROVED_IMAGE_PLACEHOLDERS],
  fixKind: 'suggestion',
  instantiate: (params) => (model, ctx) => {
    const list = ctx.approvedImages;
    if (!list) return;
    for (const pod of podSpecs(model, ctx)) {
      for (const container of containersOf(pod)) {
        const node = findPair(pod.doc, container.node, 'image')?.value;
        if (!isScalar(node) || typeof node.value !== 'string') continue;
        const image = node.value.trim();
        if (image === '' || image.includes('$')) continue;
        const whole = nodeSpan(pod.base, node);
        if (!whole) continue;
        const inner = valueSpan(node, whole);
        const occurrence = { text: image, span: inner ?? whole, replaceable: inner !== undefined, key: containerKey(container), data: containerSubject(container) };
        const report = approvedImageReport(list, params.report, occurrence, ctx.now, ctx.imageDigests);
        if (report) ctx.report(report);
      }
    }
  },
});

/** The value's text inside its quotes, when the scalar is written as its value on one line (no escapes, no folding). */
function valueSpan(node: Scalar, whole: Span): Span | undefined {
  if (node.type === Scalar.BLOCK_FOLDED || node.type === Scalar.BLOCK_LITERAL) return undefined;
  const quote = node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE ? 1 : 0;
  const value = String(node.value);
  if (whole.end - whole.start !== value.length + 2 * quote || value !== value.trim()) return undefined;
  return { start: whole.start + quote, end: whole.end - quote };
}
