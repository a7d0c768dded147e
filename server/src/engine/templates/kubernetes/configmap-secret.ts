import { defineTemplate } from '../template';
import { compileKeyClassifier, type KeyNameParams } from '../text/secret-key-names';
import { isIndirection } from '../text/value-shape';
import { shannonEntropy } from '../../text';
import { isRealValue, storedValueReport, storedValues } from './secret-values';

interface Params extends KeyNameParams {
  /** RE2 pattern (case-insensitive) on keys that end like a secret but only point at one (`…_FILE`). */
  readonly ignoreKeys?: string;
  readonly minLength?: number;
  /** Minimum Shannon entropy (bits per character) of the value. */
  readonly minEntropy?: number;
}

export const configMapSecret = defineTemplate<'kubernetes', Params>({
  id: 'k8s-configmap-secret',
  language: 'kubernetes',
  objectKinds: ['ConfigMap'],
  description:
    'Reports ConfigMap `data` entries whose key names a secret (its last word is one of keyEndings: password, token, api key…; the generic detector\'s key rules) and whose value is a literal: not a reference (a name, path, URL, variable), a setting, a placeholder, shorter than minLength or below minEntropy. The finding is on the value; the message shows it masked.',
  paramsSchema: {
    type: 'object',
    required: ['keyEndings'],
    additionalProperties: false,
    properties: {
      keyEndings: { type: 'array', minItems: 1, items: { type: 'string', minLength: 2 } },
      qualifiedKeyEndings: { type: 'array', items: { type: 'string', minLength: 2 } },
      keyHolders: { type: 'array', items: { type: 'string', minLength: 2 } },
      ignoreKeys: { type: 'string', minLength: 1 },
      minLength: { type: 'integer', minimum: 1 },
      minEntropy: { type: 'number', minimum: 0, maximum: 8 },
    },
  },
  placeholders: ['object', 'key', 'field', 'value'],
  instantiate: (params, regex) => {
    const isSecretKey = compileKeyClassifier(params);
    const ignored = params.ignoreKeys ? regex(params.ignoreKeys, true) : undefined;
    const minLength = params.minLength ?? 8;
    const minEntropy = params.minEntropy ?? 0;
    return (model, ctx) => {
      for (const v of storedValues(model, 'ConfigMap')) {
        const value = v.value?.trim();
        if (v.field !== 'data' || value === undefined || !isSecretKey(v.key) || ignored?.test(v.key)) continue;
        if (!isRealValue(value, minLength) || isIndirection(value) || shannonEntropy(value) < minEntropy) continue;
        const doc = v.object.document.doc;
        if (doc) ctx.report({ span: v.span, key: `${v.object.name ?? ''}/${v.key}`, ...storedValueReport(v, doc, value) });
      }
    };
  },
});
