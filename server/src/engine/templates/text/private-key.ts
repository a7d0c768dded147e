import { lengthOnly } from '../../text';
import { defineTemplate } from '../template';
import type { TextModel } from '../../parsers/text';
import { readKeyBlock, type KeyBlock, type MarkerIndex } from './pem-block';

interface Params {
  /** `exclude`: report keys stored in the clear; `only`: report passphrase-encrypted keys. */
  readonly encrypted: 'exclude' | 'only';
  /** Fewer base64 characters than this between BEGIN and END is a snippet, not a key. */
  readonly minBodyLength?: number;
}

const DEFAULT_MIN_BODY = 64;
/** The block markers, lower-cased as keywords are. */
const BEGIN = '-----begin';
const END = '-----end';

export const privateKey = defineTemplate<'text', Params>({
  id: 'text-private-key',
  language: 'text',
  description:
    'Finds PEM and OpenSSH private key blocks (-----BEGIN … PRIVATE KEY----- to the matching END line, PGP PRIVATE KEY BLOCK too), also inside YAML block scalars and JSON strings with \\n escapes. A block counts only when its body is base64 of at least minBodyLength characters, so truncated or elided documentation keys (MIIE…) stay quiet. Encrypted keys (ENCRYPTED PRIVATE KEY, Proc-Type: 4,ENCRYPTED, an OpenSSH key with a cipher) are reported or skipped by the encrypted param. The finding spans the whole block, BEGIN to END.',
  paramsSchema: {
    type: 'object',
    required: ['encrypted'],
    additionalProperties: false,
    properties: {
      encrypted: { enum: ['exclude', 'only'] },
      minBodyLength: { type: 'integer', minimum: 16 },
    },
  },
  // The markers are found in the rule set's one keyword pass (keyword-pass.ts).
  keywords: () => [BEGIN, END],
  placeholders: ['kind', 'secret'],
  instantiate: (params) => {
    const minBody = params.minBodyLength ?? DEFAULT_MIN_BODY;
    const wanted = (block: KeyBlock): boolean => block.base64Length >= minBody && !block.placeholder && block.encrypted === (params.encrypted === 'only');
    return (model, ctx) => {
      const markers = markerIndex(model);
      let after = 0;
      for (const hit of model.keywordOffsets([BEGIN])) {
        if (hit < after) continue;
        const block = readKeyBlock(model.text, hit, markers);
        if (!block) continue;
        after = block.span.end;
        if (wanted(block)) ctx.report({ span: block.span, data: { kind: block.kind, secret: `${block.kind} private key${lengthOnly(block.span.end - block.span.start)}` } });
      }
    };
  },
});

/** BEGIN and END offsets from the model's keyword index: a binary search per block, not a rescan. */
function markerIndex(model: TextModel): MarkerIndex {
  const begins = model.keywordOffsets([BEGIN]);
  const ends = model.keywordOffsets([END]);
  return { endAfter: (o) => firstAtOrAfter(ends, o), beginAfter: (o) => firstAtOrAfter(begins, o) };
}

function firstAtOrAfter(sorted: readonly number[], offset: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo < sorted.length ? sorted[lo] : -1;
}
