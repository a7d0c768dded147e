import { WORKLOAD_KINDS } from '../../parsers/kubernetes-workloads';
import { APPROVED_IMAGE_PARAMS_SCHEMA, APPROVED_IMAGE_PLACEHOLDERS, approvedImageReport, type ApprovedImageCheck } from '../images/verdict-report';
import { defineTemplate } from '../template';
import { containerImages } from './container-images';
import { SUBJECT_PLACEHOLDERS } from './field-values';

interface Params {
  readonly report: ApprovedImageCheck;
}

export const approvedImage = defineTemplate<'kubernetes', Params>({
  id: 'k8s-approved-image',
  language: 'kubernetes',
  objectKinds: WORKLOAD_KINDS,
  description:
    'Judges each container image (containers, initContainers, ephemeralContainers of every workload kind) against the approved-images list in force: `unapproved`, `deprecated` (a warning before the date, the rule severity after), or `digest` (the list requires digests). Silent when no list is in force; images that are empty or use variables are skipped. The fix replaces a plain or quoted one-line image with the replacement the list names (pinned to the digest the registry serves, when the caller looked it up); for `digest`, it pins the image to the digest the registry serves for its tag.',
  paramsSchema: APPROVED_IMAGE_PARAMS_SCHEMA,
  placeholders: [...SUBJECT_PLACEHOLDERS, ...APPROVED_IMAGE_PLACEHOLDERS],
  fixKind: 'suggestion',
  // A deprecated image turns from a warning into an error on a date, and the list comes with the policy.
  perSection: false,
  instantiate: (params) => (model, ctx) => {
    const list = ctx.approvedImages;
    if (!list) return;
    for (const occurrence of containerImages(model)) {
      const report = approvedImageReport(list, params.report, occurrence, ctx.now, ctx.imageDigests);
      if (report) ctx.report(report);
    }
  },
});
