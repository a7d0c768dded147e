import { fromText } from '../../parsers/dockerfile-text-memo';
import type { Fix } from '../../types';
import { defineTemplate } from '../template';
import { looksLikePlaceholder } from '../text/placeholders';
import { maskedValue } from '../text/secret-filters';
import { deleteProperty, propertiesOf, type PropertyRef } from './properties';
import { mountSecretFix } from './secret-mount';

interface Params {
  /** Exact variable names (case-insensitive), e.g. GITHUB_TOKEN. */
  readonly names?: readonly string[];
  /** Name parts (case-insensitive) that mark a secret: password, token, api_key … matched on whole words of the name. */
  readonly fragments?: readonly string[];
  /** RE2 over the name: names that hold no secret although a fragment matches (…_FILE, …_PATH, …_LENGTH). */
  readonly ignoreNames?: string;
  /** `literal`: a hard-coded, non-empty value. `reference`: no value or only variables (a build argument). */
  readonly values: 'literal' | 'reference';
  /** RE2 over a literal value: values that are no secret (true, false, yes, no …). */
  readonly ignoreValues?: string;
  /** Also flag any literal value that is a URL with a password (scheme://user:password@host), whatever the name. */
  readonly credentialUrls?: boolean;
}

const CREDENTIAL_URL = /^[a-z][a-z0-9+.-]*:\/\/[^/\s:@]+:([^/\s@]+)@/i;

export const secretEnv = defineTemplate<'dockerfile', Params>({
  id: 'dockerfile-secret-env',
  language: 'dockerfile',
  description:
    'Flags ENV and ARG pairs (every stage, global ARGs and ONBUILD included) whose name says they hold a secret: an exact name, or a fragment matching whole words of the name ' +
    '(API_KEY, apiKey and APIKEY all contain api_key; TOKENIZERS does not contain token). `values: literal` reports a hard-coded value (only its length, and a published type prefix such as ghp_, in the message) on the value itself, ' +
    'skipping placeholders (changeme, <token>, xxxx, ${VAR}, documentation example keys), and can also flag URLs with an embedded password under any name; its suggestions mount the value as a BuildKit secret on the RUN instructions that read it (when they are its only readers) and remove the value. `values: reference` reports secret-named build arguments that receive their value at build time.',
  paramsSchema: {
    type: 'object',
    required: ['values'],
    additionalProperties: false,
    anyOf: [{ required: ['names'] }, { required: ['fragments'] }, { required: ['credentialUrls'] }],
    properties: {
      names: { type: 'array', items: { type: 'string', pattern: '^[A-Za-z_][A-Za-z0-9_]*$' } },
      fragments: { type: 'array', items: { type: 'string', pattern: '^[A-Za-z0-9_]+$' } },
      ignoreNames: { type: 'string', minLength: 1 },
      values: { enum: ['literal', 'reference'] },
      ignoreValues: { type: 'string', minLength: 1 },
      credentialUrls: { type: 'boolean' },
    },
  },
  placeholders: ['keyword', 'name', 'masked'],
  fixKind: 'suggestion',
  instantiate: (params, regex) => {
    const names = new Set((params.names ?? []).map((n) => n.toLowerCase()));
    const fragments = new Set((params.fragments ?? []).map(normalise));
    const ignoreNames = params.ignoreNames ? regex(params.ignoreNames) : undefined;
    const ignoreValues = params.ignoreValues ? regex(params.ignoreValues) : undefined;
    const secretName = (name: string): boolean => names.has(name.toLowerCase()) || (containsFragment(name, fragments) && !ignoreNames?.test(name));
    const judge = (property: PropertyRef): Verdict => {
      const value = property.value ?? '';
      const literal = isLiteral(value);
      const data = { keyword: property.keyword, name: property.name, masked: maskedValue(value) };
      if (params.values === 'reference') {
        // `ENV NAME=` empties the variable: nothing is carried (ARG NAME= still takes --build-arg).
        const emptied = property.keyword === 'ENV' && property.value !== undefined && !/\$/.test(value);
        return { flagged: !literal && !emptied && secretName(property.name), data };
      }
      if (!literal || !property.valueSpan || ignoreValues?.test(value)) return { flagged: false, data };
      const urlPassword = params.credentialUrls === true ? CREDENTIAL_URL.exec(value)?.[1] : undefined;
      const credentialUrl = urlPassword !== undefined && !urlPassword.startsWith('$') && !looksLikePlaceholder(urlPassword);
      // Documentation stand-ins (changeme, <token>, xxxx, AWS's EXAMPLE keys) hold no secret.
      return { flagged: credentialUrl || (secretName(property.name) && !looksLikePlaceholder(value)), data };
    };
    // Each pair's verdict is its own text's (keyword, name, value): kept with the instruction's text, so a
    // keystroke judges only the pairs of the instruction it changed (dockerfile-text-memo.ts).
    const verdicts = Symbol('secretEnvVerdicts');
    const verdictOf = (property: PropertyRef): Verdict => {
      const known = fromText(property.entry.onbuild ?? property.entry.instruction, verdicts, () => new Map<string, Verdict>());
      const key = `${property.keyword}\u0000${property.name}\u0000${property.value === undefined ? '\u0001' : property.value}\u0000${property.valueSpan ? 1 : 0}`;
      let verdict = known.get(key);
      if (!verdict) known.set(key, (verdict = judge(property)));
      return verdict;
    };
    return (model, ctx) => {
      for (const property of propertiesOf(model)) {
        const { flagged, data } = verdictOf(property);
        if (!flagged) continue;
        if (params.values === 'reference') {
          ctx.report({ span: property.nameSpan, data, key: property.name });
          continue;
        }
        const fixes = [mountSecretFix(model, property), removeValue(model, property)].filter((f): f is Fix => f !== undefined);
        ctx.report({ span: property.valueSpan!, data, key: property.name, fixes });
      }
    };
  },
});

/** What a rule makes of one NAME=value pair wherever it is: whether it is reported, and its message's values. */
interface Verdict {
  readonly flagged: boolean;
  readonly data: Readonly<Record<string, string>>;
}

/** A value someone typed in: non-empty and not made only of variable references. */
function isLiteral(value: string): boolean {
  return value.replace(/\$\{[^}]*\}|\$[A-Za-z_][A-Za-z0-9_]*/g, '').trim() !== '';
}

function normalise(text: string): string {
  return text.toLowerCase().replace(/_/g, '');
}

/** Whether consecutive words of the name (split at _, -, . and camelCase) spell one of the fragments. */
function containsFragment(name: string, fragments: ReadonlySet<string>): boolean {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .split(/[_.-]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
  for (let i = 0; i < words.length; i++) {
    let joined = '';
    for (let j = i; j < words.length && j < i + 3; j++) {
      joined += words[j];
      if (fragments.has(joined)) return true;
    }
  }
  return false;
}

/** ARG keeps its name (the value then comes from --build-arg or a secret); ENV loses the pair. */
function removeValue(model: Parameters<typeof deleteProperty>[0], property: PropertyRef): Fix | undefined {
  if (property.keyword === 'ARG' && property.valueSpan) {
    return { title: `Remove the hard-coded value of ${property.name}`, kind: 'suggestion', edits: [{ span: { start: property.nameSpan.end, end: property.valueSpan.end }, newText: '' }] };
  }
  const edits = deleteProperty(model, property);
  return edits ? { title: `Remove ENV ${property.name} (provide it at run time)`, kind: 'suggestion', edits } : undefined;
}
