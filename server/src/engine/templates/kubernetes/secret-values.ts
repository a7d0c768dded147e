import { isScalar, type Document, type Pair } from 'yaml';
import type { K8sObject, KubernetesModel } from '../../parsers/kubernetes';
import { objectLabel } from '../../parsers/kubernetes-workloads';
import { asMap, blockScalarContent, getIn, nodeSpan, scalarString } from '../../parsers/yaml-nodes';
import type { Span } from '../../types';
import { looksLikePlaceholder } from '../text/placeholders';
import { maskedValue } from '../text/secret-filters';
import { decodeBase64Text } from '../text/value-shape';

// What a committed Secret or ConfigMap holds, value by value: a Secret's `data` decoded from base64 (and a
// `.dockerconfigjson` read as the registry credentials it is), `stringData` as written. Shared by the
// Secret and ConfigMap templates; the finding is always on the value as written in the file.

export interface StoredValue {
  readonly object: K8sObject;
  readonly key: string;
  /** `data` or `stringData` (`binaryData` is never read: it is not text). */
  readonly field: 'data' | 'stringData';
  /** The value as Kubernetes hands it to the pod: a Secret's `data` decoded (undefined if not base64 of text). */
  readonly value: string | undefined;
  /** A Secret's `data` value that is base64 of binary bytes (a MUNGE key, a keystore, a keytab): how many bytes. */
  readonly binaryBytes?: number;
  readonly span: Span;
}

/** Booleans, on/off words, small numbers, absolute paths, `<placeholders>`: settings, not secrets. */
export const NOT_A_SECRET = /^(?:true|false|yes|no|on|off|enabled?|disabled?|none|null|\d{1,6}|\/[\w./-]*|<[^<>]*>)$/i;

export function* storedValues(model: KubernetesModel, kind: string): Generator<StoredValue> {
  for (const object of model.objects) {
    const doc = object.document.doc;
    if (object.kind !== kind || !doc) continue;
    for (const field of ['data', 'stringData'] as const) {
      for (const pair of asMap(doc, getIn(doc, object.node, [field]))?.items ?? []) {
        const key = scalarString(pair.key);
        const raw = scalarText(pair);
        const span = unquoted(model.text, nodeSpan(object.document.base, pair.value as { range?: [number, number, number] }));
        if (key === undefined || raw === undefined || !span) continue;
        const value = field === 'data' && kind === 'Secret' ? decodeBase64Text(raw) : raw;
        yield { object, key, field, value, span, ...(value === undefined && field === 'data' ? { binaryBytes: base64Bytes(raw) } : {}) };
      }
    }
  }
}

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** How many bytes a base64 value decodes to (0 when it is not base64). */
function base64Bytes(raw: string): number {
  const compact = raw.replace(/\s+/g, '');
  if (compact.length % 4 !== 0 || !BASE64.test(compact)) return 0;
  return (compact.length / 4) * 3 - (compact.endsWith('==') ? 2 : compact.endsWith('=') ? 1 : 0);
}

/** A quoted scalar's range without its quotes, a block scalar's without its header: the finding is on the value, as the text detectors' are. */
function unquoted(text: string, span: Span | undefined): Span | undefined {
  if (!span || span.end - span.start < 2) return span;
  if (text[span.start] === '|' || text[span.start] === '>') return blockScalarContent(text, span);
  const q = text[span.start];
  return (q === '"' || q === "'") && text[span.end - 1] === q ? { start: span.start + 1, end: span.end - 1 } : span;
}

function scalarText(pair: Pair): string | undefined {
  return isScalar(pair.value) && typeof pair.value.value === 'string' ? pair.value.value : undefined;
}

/** A registry credential in a `.dockerconfigjson` / `.dockercfg`: an `auth` with a password, a password, or a token. */
export function dockerConfigHasCredential(json: string): boolean {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return false;
  }
  if (!parsed || typeof parsed !== 'object') return false;
  const root = parsed as Record<string, unknown>;
  const auths = root.auths && typeof root.auths === 'object' ? (root.auths as Record<string, unknown>) : root;
  return Object.values(auths).some((entry) => {
    if (!entry || typeof entry !== 'object') return false;
    const e = entry as Record<string, unknown>;
    const auth = typeof e.auth === 'string' ? decodeBase64Text(e.auth) : undefined;
    const password = auth?.includes(':') ? auth.slice(auth.indexOf(':') + 1) : undefined;
    return [password, e.password, e.identitytoken, e.registrytoken].some((v) => typeof v === 'string' && isRealValue(v));
  });
}

/** Not empty, not a setting, not a stand-in (`changeme`, `<password>`, `${DB_PASSWORD}`). */
export function isRealValue(value: string, minLength = 6): boolean {
  const v = value.trim();
  return v.length >= minLength && !NOT_A_SECRET.test(v) && !looksLikePlaceholder(v);
}

/** The placeholders every stored-value finding fills, and where the object's name was read from. */
export function storedValueReport(v: StoredValue, doc: Document, shown: string): { data: Record<string, string>; origins: Record<string, Span> } {
  const name = nodeSpan(v.object.document.base, getIn(doc, v.object.node, ['metadata', 'name']));
  return { data: { object: objectLabel(v.object), key: v.key, field: v.field, value: maskedValue(shown) }, origins: name ? { object: name } : {} };
}
