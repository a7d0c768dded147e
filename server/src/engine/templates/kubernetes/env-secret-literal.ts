import { isScalar } from 'yaml';
import { containerKey, containersOf, objectLabel, podEditContext, POD_READER_KINDS, type ContainerRef } from '../../parsers/kubernetes-workloads';
import { CUSTOM_RESOURCE_KINDS } from '../../parsers/kubernetes-kinds';
import { embeddedPodSpecs } from './embedded-pod-templates';
import { replacePair, type YamlEditContext } from '../../parsers/yaml-edits';
import { asMap, asSeq, blockScalarContent, findPair, getIn, nodeSpan, scalarString } from '../../parsers/yaml-nodes';
import type { Pair, YAMLMap } from 'yaml';
import type { Fix, Span } from '../../types';
import { defineTemplate } from '../template';
import { looksLikePlaceholder } from '../text/placeholders';
import { looksLikeKeyMaterial } from '../text/key-material';
import { maskedValue } from '../text/secret-filters';
import { containerOrigins, containerSubject, podSpecs, SUBJECT_PLACEHOLDERS } from './field-values';
import { secretScaffoldFile } from './secret-scaffold';

/**
 * A name ending in a bare `KEY` (`ARCHIVE_KEY`, `archiveKey`), also before a rotation word (`FERNET_KEY_OLD`,
 * `SIGNING_KEY_PREVIOUS`: the key a rotation keeps accepting beside the current one).
 */
const BARE_KEY_NAME = /(?:(?:^|[_.-])key|[a-z0-9]Key)(?:[_.-]?(?:old|previous|prev|new|current|primary|secondary|backup|fallback|legacy))?$/i;

interface Params {
  /** RE2 pattern (case-insensitive) that an env var name must match to look secret. */
  readonly names: string;
  /** RE2 pattern (case-insensitive) for names that only point at a secret (…_FILE, …_PATH, …_URL). */
  readonly exclude?: string;
}

// Values that are not a secret whatever the name: flags, small numbers, absolute paths (where a
// credential file is mounted), <placeholders> in examples, and references to other variables or
// templates that Kubernetes or a tool expands later. Documentation stand-ins (changeme, xxxx,
// YOUR_TOKEN, a variable's name, AKIAIOSFODNN7EXAMPLE) are skipped with the text detectors' filter;
// a weak but real literal (`admin`, `postgres`) is still a hardcoded credential and is reported.
const NOT_A_SECRET = /^(?:true|false|yes|no|on|off|enabled?|disabled?|none|null|\d{1,6}|\/[\w./-]*|<[^<>]*>)$/i;
const EXPANDED = /\$\(|\$\{|\{\{/;

interface EnvLiteral {
  readonly container: ContainerRef;
  readonly entry: YAMLMap;
  readonly pair: Pair;
  readonly name: string;
  readonly value: string;
  readonly span: Span;
  readonly key: string;
}

export const envSecretLiteral = defineTemplate<'kubernetes', Params>({
  id: 'k8s-env-secret-literal',
  language: 'kubernetes',
  // And custom resources: one may embed a pod template (embedded-pod-templates.ts).
  objectKinds: [...POD_READER_KINDS, CUSTOM_RESOURCE_KINDS],
  description:
    'Reports container env entries (containers, initContainers, ephemeralContainers) whose name matches `names` (or ends in a bare `KEY` with key material as its value), and not `exclude`, and whose literal `value:` is non-empty and not a placeholder (changeme, xxxx, <…>, YOUR_TOKEN, a variable name, documentation examples), on the value; the message shows only the length of the value (and a published type prefix such as ghp_). Offers to replace `value:` with `valueFrom.secretKeyRef` (Secret `<object name>-secrets`, key = the name in lower case), which needs that Secret to exist; the editor also offers to create that Secret\'s manifest (a new `<name>.secret.yaml` beside the file, every key of the workload, empty values).',
  paramsSchema: {
    type: 'object',
    required: ['names'],
    additionalProperties: false,
    properties: { names: { type: 'string', minLength: 1 }, exclude: { type: 'string', minLength: 1 } },
  },
  placeholders: [...SUBJECT_PLACEHOLDERS, 'name', 'value'],
  fixKind: 'suggestion',
  instantiate: (params, regex) => {
    const names = regex(params.names, true);
    const exclude = params.exclude ? regex(params.exclude, true) : undefined;
    return (model, ctx) => {
      for (const pod of [...podSpecs(model, ctx), ...embeddedPodSpecs(model)]) {
        let editContext: YamlEditContext | undefined;
        const edit = () => (editContext ??= podEditContext(model, pod));
        const secretName = `${(pod.object.name ?? 'app').toLowerCase()}-secrets`;
        // Every literal of the pod first: the Secret manifest offered beside each fix holds all their keys.
        const literals: EnvLiteral[] = [];
        for (const container of containersOf(pod)) {
          const env = asSeq(pod.doc, getIn(pod.doc, container.node, ['env']));
          for (const item of env?.items ?? []) {
            const entry = asMap(pod.doc, item);
            const name = scalarString(getIn(pod.doc, entry, ['name']));
            const pair = findPair(pod.doc, entry, 'value');
            if (!entry || !name || !pair || !isScalar(pair.value) || typeof pair.value.value !== 'string') continue;
            const value = pair.value.value;
            if (value.trim() === '' || NOT_A_SECRET.test(value.trim()) || EXPANDED.test(value) || looksLikePlaceholder(value)) continue;
            // A name ending in a bare `KEY` (`ARCHIVE_KEY`) holds a secret when its value is key material (random base64 or hex).
            if ((!names.test(name) && !(BARE_KEY_NAME.test(name) && looksLikeKeyMaterial(value))) || exclude?.test(name)) continue;
            const node = nodeSpan(pod.base, pair.value);
            if (!node) continue;
            const span = blockScalarContent(model.text, node);
            literals.push({ container, entry, pair, name, value, span, key: name.toLowerCase().replace(/[^-._a-z0-9]/g, '-') });
          }
        }
        if (literals.length === 0) continue;
        const keys = [...new Set(literals.map((l) => l.key))];
        const companionFile = secretScaffoldFile({ name: secretName, namespace: pod.object.namespace, keys, readBy: objectLabel(pod.object), eol: model.eol });
        for (const { container, entry, pair, name, value, span, key } of literals) {
          const change = replacePair(edit(), entry, pair, 'valueFrom', { secretKeyRef: { name: secretName, key } });
          const fixes: Fix[] = change ? [{ title: `Read ${name} from Secret ${secretName} (create it first)`, kind: 'suggestion', edits: [change], companionFile }] : [];
          ctx.report({ span, key: `${containerKey(container)}/${name}`, data: { ...containerSubject(container), name, value: maskedValue(value) }, origins: containerOrigins(container), fixes });
        }
      }
    };
  },
});
