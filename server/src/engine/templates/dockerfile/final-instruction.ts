import type { DockerfileModel, Stage } from '../../parsers/dockerfile';
import { defineTemplate } from '../template';
import { imageOf, imageOrigin } from './image-reference';

// An instruction the image that ships should carry (HEALTHCHECK): looked for in the final stage and the
// stages it is built FROM, since Docker inherits it through them.

interface Params {
  /** The instruction keyword the final image needs (HEALTHCHECK). */
  readonly instruction: string;
  /**
   * Skip images with neither CMD nor ENTRYPOINT of their own (in the final stage or the stages it is
   * built FROM): images made for other Dockerfiles to build on, which decide for themselves.
   */
  readonly skipBaseImages?: boolean;
  /** RE2 over the file's path: Dockerfiles that are not shipped images (dev containers). */
  readonly skipPaths?: string;
  /** Only images that carry one of these instructions (EXPOSE: a network service). */
  readonly onlyWith?: readonly string[];
}

export const finalInstruction = defineTemplate<'dockerfile', Params>({
  id: 'dockerfile-final-instruction',
  language: 'dockerfile',
  description:
    'Flags a final image (the last stage, with the stages it is built FROM) that has no `instruction` (HEALTHCHECK), on its FROM image. ' +
    'With `skipBaseImages`, images with neither CMD nor ENTRYPOINT are left to the Dockerfiles that build on them; with `onlyWith`, only images carrying one of those instructions (EXPOSE) are judged.',
  paramsSchema: {
    type: 'object',
    required: ['instruction'],
    additionalProperties: false,
    properties: {
      instruction: { type: 'string', pattern: '^[A-Z]+$', description: 'The instruction keyword the final image needs (HEALTHCHECK).' },
      skipBaseImages: { type: 'boolean', description: 'Skip images with neither CMD nor ENTRYPOINT of their own: images made for other Dockerfiles to build on.' },
      skipPaths: { type: 'string', minLength: 1, description: 'RE2 over the file\'s path: Dockerfiles that are not shipped images (dev containers).' },
      onlyWith: { type: 'array', minItems: 1, items: { type: 'string', pattern: '^[A-Z]+$' }, description: 'Only images that carry one of these instructions (EXPOSE: a network service).' },
    },
  },
  placeholders: ['instruction', 'image'],
  instantiate: (params, regex) => {
    const skipPath = params.skipPaths ? regex(params.skipPaths) : undefined;
    return (model, ctx) => {
      const final = model.stages.find((s) => s.isFinal);
      if (!final) return;
      if (skipPath && ctx.uri !== undefined && skipPath.test(ctx.uri.replace(/\\/g, '/'))) return;
      const chain = chainOf(model, final);
      const has = (keyword: string) => chain.some((stage) => stage.instructions.some((i) => i.getKeyword() === keyword));
      if (has(params.instruction)) return;
      if (params.skipBaseImages && !has('CMD') && !has('ENTRYPOINT')) return;
      if (params.onlyWith && !params.onlyWith.some(has)) return;
      const image = imageOf(model, final);
      const span = image?.span ?? model.span(final.from.getRange());
      const origin = imageOrigin(image);
      ctx.report({ span, data: { instruction: params.instruction, image: image?.resolved ?? image?.raw ?? 'scratch' }, origins: origin ? { image: origin } : undefined, key: `final-${params.instruction}` });
    };
  },
});

/** The stage and the earlier stages it is built FROM, nearest first. */
function chainOf(model: DockerfileModel, stage: Stage): Stage[] {
  const chain: Stage[] = [];
  for (let s: Stage | undefined = stage; s && !chain.includes(s); s = imageOf(model, s)?.stage) chain.push(s);
  return chain;
}
