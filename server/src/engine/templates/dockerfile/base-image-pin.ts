import { defineTemplate } from '../template';
import { imageOf, imageOrigin } from './image-reference';

interface Params {
  /** `tag`: flag `latest` and untagged images. `digest`: flag any image not pinned by `@sha256:`. */
  readonly require: 'tag' | 'digest';
  /**
   * With `require: digest`: when an approved-images list is in force, report only if the list sets
   * `requireDigest` (the organisation's policy decides; docs/approved-images.md).
   */
  readonly followApprovedImages?: boolean;
}

export const baseImagePin = defineTemplate<'dockerfile', Params>({
  id: 'dockerfile-base-image-pin',
  language: 'dockerfile',
  description:
    'Checks how each FROM pins its image, in every stage: by an explicit, non-latest tag, or by digest. scratch, earlier stage names and images built from ARGs without defaults are skipped.',
  paramsSchema: {
    type: 'object',
    required: ['require'],
    additionalProperties: false,
    properties: { require: { enum: ['tag', 'digest'] }, followApprovedImages: { type: 'boolean' } },
  },
  placeholders: ['image', 'stage'],
  instantiate: (params) => (model, ctx) => {
    if (params.followApprovedImages && ctx.approvedImages && !ctx.approvedImages.requireDigest) return;
    for (const stage of model.stages) {
      const image = imageOf(model, stage);
      if (!image || image.isLocal || !image.resolved || image.digest) continue;
      const data = { image: image.resolved, stage: stage.alias ?? String(stage.index + 1) };
      const origin = imageOrigin(image);
      const origins = origin ? { image: origin } : undefined;
      if (params.require === 'digest') {
        ctx.report({ span: image.span, data, origins });
      } else if (!image.tag) {
        ctx.report({ span: image.nameSpan ?? image.span, data, origins });
      } else if (image.tag === 'latest') {
        ctx.report({ span: image.tagSpan ?? image.span, data, origins });
      }
    }
  },
});
