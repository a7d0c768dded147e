import { APPROVED_IMAGE_PARAMS_SCHEMA, APPROVED_IMAGE_PLACEHOLDERS, approvedImageReport, type ApprovedImageCheck } from '../images/verdict-report';
import { defineTemplate } from '../template';
import { pulledImages } from './pulled-images';

interface Params {
  readonly report: ApprovedImageCheck;
}

export const approvedImage = defineTemplate<'dockerfile', Params>({
  id: 'dockerfile-approved-image',
  language: 'dockerfile',
  description:
    'Judges each image a build pulls, after global ARG defaults: FROM, COPY --from=<image> and RUN --mount=…,from=<image> (scratch and build stages skipped), against the approved-images list in force: `unapproved` reports images outside the approved registries and repositories, `deprecated` reports images the list deprecates (a warning before the date, the rule severity after). Silent when no list is in force. The fix replaces a literal reference with the replacement the list names.',
  paramsSchema: APPROVED_IMAGE_PARAMS_SCHEMA,
  placeholders: [...APPROVED_IMAGE_PLACEHOLDERS, 'stage'],
  fixKind: 'suggestion',
  instantiate: (params) => (model, ctx) => {
    const list = ctx.approvedImages;
    if (!list) return;
    for (const image of pulledImages(model)) {
      const report = approvedImageReport(list, params.report, { text: image.text, span: image.span, replaceable: image.replaceable, data: { stage: image.stage } }, ctx.now, ctx.imageDigests);
      if (report) ctx.report(report);
    }
  },
});
