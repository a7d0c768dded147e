import { lengthOnly } from '../../text';
import { defineTemplate } from '../template';
import { readKeyBlock } from './pem-block';
import { decodeBase64Text } from './value-shape';

interface Params {
  /** Fewer base64 characters than this in the decoded key's body is a snippet, not a key. */
  readonly minBodyLength?: number;
}

/** `-----BEGIN` in base64 (lower-cased, as the keyword index is): an encoded PEM block starts so. */
const ENCODED_BEGIN = ['ls0tls1crudjti'];
const BASE64_CHAR = /[A-Za-z0-9+/=]/;
/** A character that would make the hit the middle of a longer base64 run (`=` only pads the end). */
const BASE64_BODY = /[A-Za-z0-9+/]/;
/** An 8192-bit RSA key in PEM is about 6.5 KB; its base64 about 9 KB. */
const MAX_ENCODED = 16 * 1024;
const DEFAULT_MIN_BODY = 64;

export const encodedPrivateKey = defineTemplate<'text', Params>({
  id: 'text-encoded-private-key',
  language: 'text',
  description:
    'Finds private keys stored base64-encoded once (`LS0tLS1CRUdJTi…`, as in a Kubernetes Secret `tls.key`, a kubeconfig `client-key-data` or Helm values): a base64 run starting with the encoding of `-----BEGIN` that decodes to a PEM or OpenSSH private key block with a body of at least minBodyLength base64 characters. Passphrase-encrypted keys and elided documentation keys are skipped. The finding spans the encoded value.',
  paramsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: { minBodyLength: { type: 'integer', minimum: 16 } },
  },
  // A base64 run never crosses a line break.
  lookaround: () => ({ linesBefore: 0, linesAfter: 0 }),
  // Found in the rule set's one keyword pass (keyword-pass.ts).
  keywords: () => ENCODED_BEGIN,
  placeholders: ['kind', 'secret'],
  instantiate: (params) => {
    const minBody = params.minBodyLength ?? DEFAULT_MIN_BODY;
    return (model, ctx) => {
      const text = model.text;
      let after = 0;
      for (const hit of model.keywordOffsets(ENCODED_BEGIN)) {
        if (hit < after || (hit > 0 && BASE64_BODY.test(text[hit - 1]))) continue;
        let end = hit;
        while (end < text.length && end - hit < MAX_ENCODED && BASE64_CHAR.test(text[end])) end++;
        after = end;
        const decoded = decodeBase64Text(text.slice(hit, end));
        const begin = decoded?.indexOf('-----BEGIN') ?? -1;
        const block = decoded && begin >= 0 ? readKeyBlock(decoded, begin) : undefined;
        if (!block || block.encrypted || block.placeholder || block.base64Length < minBody) continue;
        ctx.report({ span: { start: hit, end }, data: { kind: block.kind, secret: `${block.kind} private key, base64${lengthOnly(end - hit)}` } });
      }
    };
  },
});
