import { defineTemplate } from '../template';
import { keywordSegments } from './keyword-segments';
import { FILE_FILTER_SCHEMA, VALUE_FILTER_SCHEMA, compileFileFilter, compileValueFilter, masked, type FileFilterParams, type ValueFilterParams } from './secret-filters';

interface Params extends FileFilterParams, ValueFilterParams {
  /** Case-insensitive literals; the pattern only runs on lines where one occurs. */
  readonly keywords: readonly string[];
  /** RE2 pattern of the secret in context. */
  readonly pattern: string;
  /** Capture group that is the secret itself (0: the whole match). */
  readonly secretGroup?: number;
  /** Lines either side of a keyword hit to scan, for patterns whose keyword and secret sit on different lines. */
  readonly contextLines?: number;
  /** Show the secret's first characters in the message (a public type prefix such as AKIA or ghp_); default true. */
  readonly revealPrefix?: boolean;
  /** Names for `{{kind}}` by the secret's prefix, e.g. `{ ghp_: personal access token }`. */
  readonly kinds?: Readonly<Record<string, string>>;
}

export const secretPattern = defineTemplate<'text', Params>({
  id: 'text-secret-pattern',
  language: 'text',
  description:
    'A gitleaks-style detector: where one of the keywords occurs (case-insensitive), the RE2 pattern runs on those lines; the secretGroup capture is reported if it passes the entropy threshold, the allowlist (regexes, stopwords) and the placeholder filter (documentation examples, ${VARS}, <names>, xxxx, counting runs). The finding spans exactly the secret; the message shows it only masked.',
  paramsSchema: {
    type: 'object',
    required: ['keywords', 'pattern'],
    additionalProperties: false,
    properties: {
      keywords: { type: 'array', minItems: 1, items: { type: 'string', minLength: 2 } },
      pattern: { type: 'string', minLength: 1 },
      secretGroup: { type: 'integer', minimum: 0 },
      contextLines: { type: 'integer', minimum: 0, maximum: 20 },
      revealPrefix: { type: 'boolean' },
      kinds: { type: 'object', additionalProperties: { type: 'string', minLength: 1 } },
      ...FILE_FILTER_SCHEMA,
      ...VALUE_FILTER_SCHEMA,
    },
  },
  // Each pattern runs on the lines around a keyword (contextLines); twice that either side keeps the
  // merged segments near a window's edge as they are in the whole file.
  lookaround: (params) => {
    const lines = 2 * (params.contextLines ?? 0) + 2;
    return { linesBefore: lines, linesAfter: lines };
  },
  // Found in the rule set's one keyword pass (keyword-pass.ts) rather than by a pass of their own.
  keywords: (params) => params.keywords,
  placeholders: ['secret', 'kind'],
  instantiate: (params, compile) => {
    const regex = compile(params.pattern);
    const group = params.secretGroup ?? 0;
    const groups = regex.groupCount;
    if (group > groups) throw new Error(`secretGroup ${group} is larger than the pattern's ${groups} capture group(s)`);
    const keywords = params.keywords.map((k) => k.toLowerCase());
    const inScope = compileFileFilter(params, compile);
    const reportable = compileValueFilter(params, compile);
    const kinds = Object.entries(params.kinds ?? {}).sort((a, b) => b[0].length - a[0].length);
    return (model, ctx) => {
      // The keywords first: most files hold none, and then no file-name pattern is asked.
      const segments = keywordSegments(model, keywords, params.contextLines ?? 0);
      if (segments.length === 0 || !inScope(model)) return;
      for (const segment of segments) {
        const slice = model.text.slice(segment.start, segment.end);
        for (const m of regex.matchAll(slice)) {
          const secret = m.groups[group];
          if (!secret || !reportable(secret)) continue;
          const start = segment.start + m.groupStart(group);
          const kind = kinds.find(([prefix]) => secret.startsWith(prefix))?.[1] ?? '';
          ctx.report({ span: { start, end: start + secret.length }, data: { secret: masked(secret, params.revealPrefix ?? true), kind } });
        }
      }
    };
  },
});
