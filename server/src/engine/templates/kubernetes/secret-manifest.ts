import type { Span } from '../../types';
import { defineTemplate } from '../template';
import { asMap, getIn, scalarString } from '../../parsers/yaml-nodes';
import type { K8sObject } from '../../parsers/kubernetes';
import { keyWords } from '../text/secret-key-names';
import { dockerConfigHasCredential, isRealValue, storedValueReport, storedValues, type StoredValue } from './secret-values';

interface Params {
  /** RE2 pattern (case-insensitive) on a data key that holds no secret: `username`, `host`, `ca.crt`. */
  readonly ignoreKeys?: string;
  /** Shorter decoded values are not reported (default 6). */
  readonly minLength?: number;
}

const DOCKER_CONFIG_KEY = /^\.docker(?:configjson|cfg)$/;
const CERTIFICATE = /^\s*-----BEGIN (?:CERTIFICATE|PUBLIC KEY|X509 CRL|CERTIFICATE REQUEST)-----/;
const PRIVATE_KEY = /-----BEGIN [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----/;
/** One URI with a password in its user info (`postgres://app:...@db:5432/app`): the password. */
const URI_PASSWORD = /^[A-Za-z][A-Za-z0-9+.-]{1,40}:\/\/[^\s:/?#@]{0,128}:([^\s/?#@]{1,256})@[^\s@]+$/;
/**
 * A secret-named setting inside a multi-line value (a config file stored in the Secret): a key ending like a
 * password (`StoragePass=` in `slurmdbd.conf`, `bindpw`), a secret or a token, a secret's key (`secret_key`, an AWS
 * credentials file's `aws_secret_access_key`, `account_key`: Velero's `cloud` file), or a keyring's bare `key =` (Ceph).
 */
const SECRET_LINE = /(?:^|\n)[ \t]*["']?(?:[\w.-]*(?:password|passwd|pass|pw|secret|token|(?:api|private|secret|auth|account|encryption|signing|master)[_-]?(?:access[_-]?)?key|credentials?)|key)["']?[ \t]*[:=][ \t]*["']?([^\s"'#]{6,})/gi;
/** A module or class path (`admissions.settings_production`, Django's `DJANGO_SETTINGS_MODULE`): a setting, not a secret. */
const DOTTED_IDENTIFIER = /^[a-z_][a-z0-9_]*(?:\.[a-z_][a-z0-9_]*)+$/i;
/** Binary data shorter than this is no key (a flag byte, a small counter). */
const MIN_BINARY_KEY_BYTES = 16;

/**
 * Built-in Secret types whose keys Kubernetes documents, by the keys that hold no secret: a bootstrap token's
 * `token-id` is the public half of `<token-id>.<token-secret>`, its description, expiry, usages and groups are
 * settings (https://kubernetes.io/docs/reference/access-authn-authz/bootstrap-tokens/).
 */
const DOCUMENTED_PUBLIC_KEYS: ReadonlyMap<string, RegExp> = new Map([
  ['bootstrap.kubernetes.io/token', /^(?:token-id|description|expiration|usage-bootstrap-[\w-]+|auth-extra-groups)$/],
]);

/** The words that, after an id's own prefix, name the secret it pairs with: `client_id` beside `client_secret`. */
const PAIRED_SECRET_WORDS = new Set(['secret', 'password', 'key', 'token']);

/**
 * An id stored beside the secret it identifies (`client_id` and `client_secret`, `tokenId` and `tokenSecret`):
 * the id is the user name of the pair, not a secret.
 */
function idBesideItsSecret(key: string, keys: readonly string[]): boolean {
  const words = keyWords(key);
  if (words.length < 2 || words[words.length - 1] !== 'id') return false;
  const prefix = words.slice(0, -1).join(' ');
  return keys.some((other) => {
    const w = keyWords(other);
    return w.length === words.length && PAIRED_SECRET_WORDS.has(w[w.length - 1]) && w.slice(0, -1).join(' ') === prefix;
  });
}

/** The object's `type` and the keys of its `data` and `stringData`. */
function secretShape(object: K8sObject): { readonly type: string | undefined; readonly keys: readonly string[] } {
  const doc = object.document.doc;
  if (!doc) return { type: undefined, keys: [] };
  const keys = (['data', 'stringData'] as const).flatMap((field) => (asMap(doc, getIn(doc, object.node, [field]))?.items ?? []).map((p) => scalarString(p.key) ?? ''));
  return { type: scalarString(getIn(doc, object.node, ['type'])), keys };
}

/**
 * A config file written in `stringData` (a block scalar): the span of the first secret line's value, as it
 * is written in the file, so the finding is on that line rather than on the file's first one.
 */
function secretLineSpan(text: string, v: StoredValue, value: string, minLength: number): Span | undefined {
  if (v.field !== 'stringData' || !value.trim().includes('\n')) return undefined;
  const line = [...value.matchAll(SECRET_LINE)].find((m) => isRealValue(m[1], minLength));
  if (!line) return undefined;
  const at = text.indexOf(line[1], v.span.start);
  return at >= 0 && at + line[1].length <= v.span.end ? { start: at, end: at + line[1].length } : undefined;
}

export const secretManifest = defineTemplate<'kubernetes', Params>({
  id: 'k8s-secret-manifest',
  language: 'kubernetes',
  objectKinds: ['Secret'],
  description:
    'Reports each value a committed Secret holds: `data` decoded from base64 (the finding is on the encoded value), `stringData` as written. A `.dockerconfigjson`/`.dockercfg` counts when a registry entry has a password, an `auth` with a password or a token; a multi-line value (a config file) when one of its lines sets a secret-named key; a URI with a password whatever its key (`DATABASE_URL`). Skipped: keys matching ignoreKeys (usernames, hosts, ports, CA certificates), certificates and public keys, values that are empty, settings (booleans, small numbers, paths), placeholders or shorter than minLength, private keys (secret-private-key and secret-private-key-base64 report those), the keys a built-in Secret type documents as settings (a bootstrap token\'s `token-id`, `description`, `auth-extra-groups`…), and an id stored beside its secret (`client_id` beside `client_secret`). The message shows the value masked.',
  paramsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: { ignoreKeys: { type: 'string', minLength: 1 }, minLength: { type: 'integer', minimum: 1 } },
  },
  placeholders: ['object', 'key', 'field', 'value'],
  instantiate: (params, regex) => {
    const ignored = params.ignoreKeys ? regex(params.ignoreKeys, true) : undefined;
    const minLength = params.minLength ?? 6;
    const holdsSecret = (v: StoredValue, value: string, shape: ReturnType<typeof secretShape>): boolean => {
      if (DOCKER_CONFIG_KEY.test(v.key)) return dockerConfigHasCredential(value);
      if (DOCUMENTED_PUBLIC_KEYS.get(shape.type ?? '')?.test(v.key) || idBesideItsSecret(v.key, shape.keys)) return false;
      // A URL key (`DATABASE_URL`) names no secret, but a URL with a password in it is one.
      const uriPassword = URI_PASSWORD.exec(value.trim())?.[1];
      if (uriPassword !== undefined && isRealValue(uriPassword, minLength)) return true;
      if (ignored?.test(v.key) || CERTIFICATE.test(value) || PRIVATE_KEY.test(value)) return false;
      if (!value.trim().includes('\n')) return isRealValue(value, minLength) && !DOTTED_IDENTIFIER.test(value.trim());
      return [...value.matchAll(SECRET_LINE)].some((m) => isRealValue(m[1], minLength));
    };
    return (model, ctx) => {
      let shaped: { readonly object: K8sObject; readonly shape: ReturnType<typeof secretShape> } | undefined;
      for (const v of storedValues(model, 'Secret')) {
        if (shaped?.object !== v.object) shaped = { object: v.object, shape: secretShape(v.object) };
        const value = v.value;
        // Binary bytes in `data` (a MUNGE key, a keystore, a Kerberos keytab) are key material: reported as encoded.
        if (value === undefined && (v.binaryBytes ?? 0) >= MIN_BINARY_KEY_BYTES && !ignored?.test(v.key) && v.object.document.doc) {
          const raw = model.text.slice(v.span.start, v.span.end);
          ctx.report({ span: v.span, key: `${v.object.name ?? ''}/${v.field}/${v.key}`, ...storedValueReport(v, v.object.document.doc, raw) });
          continue;
        }
        if (value === undefined) continue;
        if (!holdsSecret(v, value, shaped.shape)) continue;
        const doc = v.object.document.doc;
        if (!doc) continue;
        // The decoded value is masked like any secret: its length, and a published prefix (ghp_) at most.
        ctx.report({ span: secretLineSpan(model.text, v, value, minLength) ?? v.span, key: `${v.object.name ?? ''}/${v.field}/${v.key}`, ...storedValueReport(v, doc, value) });
      }
    };
  },
});
