import type { TextModel } from '../../parsers/text';
import type { RegexCompiler, SafeMatch, SafeRegex } from '../../safe-regex';
import type { Severity, Span } from '../../types';
import { defineTemplate, type JsonSchema } from '../template';
import { hitsByDetector, keywordIndex } from './detector-hits';
import { segmentsAround } from './keyword-segments';
import { lengthOnly } from '../../text';
import { FILE_FILTER_SCHEMA, VALUE_FILTER_SCHEMA, compileFileFilter, compileValueFilter, type FileFilter, type FileFilterParams, type ValueFilterParams } from './secret-filters';
import { CHECKSUMS, VALIDATORS, type ChecksumName, type ValidatorName } from './secret-validators';

// A rule that holds a list of gitleaks-style detectors (one per token format) as data. Keeping many
// detectors in one rule is what makes them cheap: their keywords are scanned in one pass, and each
// detector's regex runs only on the lines where one of its own keywords occurs.

interface Detector extends FileFilterParams, ValueFilterParams {
  /** Kebab-case, unique in the rule: names the detector in the message data and in docs. */
  readonly id: string;
  /** What the message calls the secret: "Stripe live secret key". */
  readonly name: string;
  /** Case-insensitive literals; the pattern runs only on lines where one occurs. */
  readonly keywords: readonly string[];
  /** RE2 pattern of the secret in context. */
  readonly pattern: string;
  /** Capture group that is the secret (0: the whole match). */
  readonly secretGroup?: number;
  /** Capture group holding a user name: a secret equal to it (`postgres:postgres@`) is a default, not reported. */
  readonly userGroup?: number;
  readonly minLength?: number;
  /** Lines either side of a keyword hit to scan. */
  readonly contextLines?: number;
  /** A checksum the format carries: a value that passes it skips the entropy and placeholder filters. */
  readonly checksum?: ChecksumName;
  /** Report only values whose checksum is valid. */
  readonly requireChecksum?: boolean;
  /** A structural check the value must pass (a JWT's JSON header; a base64 user:password). */
  readonly validate?: ValidatorName;
  /** Show the keyword the secret starts with (its published type prefix) in the message; default true. */
  readonly revealPrefix?: boolean;
  /** This detector's severity when it differs from the rule's (a test-mode key is less urgent). */
  readonly severity?: Severity;
}

interface Params extends FileFilterParams {
  readonly detectors: readonly Detector[];
}

const DETECTOR_SCHEMA: JsonSchema = {
  type: 'object',
  required: ['id', 'name', 'keywords', 'pattern'],
  additionalProperties: false,
  properties: {
    id: { type: 'string', pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$' },
    name: { type: 'string', minLength: 1 },
    keywords: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } },
    pattern: { type: 'string', minLength: 1 },
    secretGroup: { type: 'integer', minimum: 0 },
    userGroup: { type: 'integer', minimum: 1 },
    minLength: { type: 'integer', minimum: 1 },
    contextLines: { type: 'integer', minimum: 0, maximum: 20 },
    checksum: { enum: Object.keys(CHECKSUMS) },
    requireChecksum: { type: 'boolean' },
    validate: { enum: Object.keys(VALIDATORS) },
    revealPrefix: { type: 'boolean' },
    severity: { enum: ['critical', 'high', 'medium', 'low', 'info'] },
    ...FILE_FILTER_SCHEMA,
    ...VALUE_FILTER_SCHEMA,
  },
};

interface CompiledDetector {
  readonly detector: Detector;
  readonly regex: SafeRegex;
  readonly inScope: FileFilter;
  accepts(secret: string, match: SafeMatch): boolean;
  masked(secret: string): string;
}

export const secretDetectors = defineTemplate<'text', Params>({
  id: 'text-secret-detectors',
  language: 'text',
  description:
    'A list of gitleaks-style detectors in one rule, each with keywords, an RE2 pattern, the capture group that is the secret, an entropy floor, an allowlist, optional file filters, a named checksum (crc32-base62: GitHub and npm tokens) and a named structural check (jwt, basic-auth). The keywords of all detectors are found in one pass over the file; each pattern runs only on the lines around its own keywords. Where two detectors match overlapping text, the one listed first reports. The finding spans exactly the secret; the message names the detector and shows the secret masked.',
  paramsSchema: {
    type: 'object',
    required: ['detectors'],
    additionalProperties: false,
    properties: { detectors: { type: 'array', minItems: 1, items: DETECTOR_SCHEMA }, ...FILE_FILTER_SCHEMA },
  },
  // Each pattern runs on the lines around a keyword (contextLines); twice that either side keeps the
  // merged segments near a window's edge as they are in the whole file.
  lookaround: (params) => {
    const lines = 2 * (Math.max(0, ...params.detectors.map((d) => d.contextLines ?? 0))) + 2;
    return { linesBefore: lines, linesAfter: lines };
  },
  // The keywords of the usual pass (detectors that apply to every file), for the rule set's shared pass.
  keywords: (params) => params.detectors.filter(appliesEverywhere).flatMap((d) => d.keywords),
  placeholders: ['secret', 'name', 'detector'],
  instantiate: (params, regex) => {
    const ids = new Set<string>();
    for (const d of params.detectors) {
      if (ids.has(d.id)) throw new Error(`detector id "${d.id}" is used twice`);
      ids.add(d.id);
    }
    const detectors = params.detectors.map((d) => compileDetector(d, regex));
    // Detectors limited to some files (.pgpass) may have keywords too common to scan elsewhere (`:`),
    // so the usual pass scans only the keywords of detectors that apply to every file.
    const everywhere = appliesEverywhere;
    const commonIndex = keywordIndex(params.detectors.map((d) => (everywhere(d) ? d.keywords : [])));
    const inScope = compileFileFilter(params, regex);
    // Detectors limited to some files, by index: the only ones whose scope can change the keyword index.
    const limited = detectors.flatMap((d, i) => (everywhere(d.detector) ? [] : [i]));
    return (model, ctx) => {
      // Per file, the work follows the keyword hits: a detector's file filter is asked only when it has
      // hits (or it is one limited to some files), so a file with a hit or two does not pay for a hundred detectors.
      const special = limited.some((i) => detectors[i].inScope(model));
      const index = special ? keywordIndex(detectors.map((d) => (d.inScope(model) ? d.detector.keywords : []))) : commonIndex;
      const hits = hitsByDetector(model, index, detectors.length);
      // The rule's own file filter only for a file with a hit: most files have none.
      if (hits.every((h) => h.length === 0) || !inScope(model)) return;
      const taken: Span[] = [];
      detectors.forEach((d, i) => {
        if (hits[i].length === 0 || !d.inScope(model)) return;
        for (const span of matches(model, d, hits[i])) {
          if (taken.some((t) => t.start < span.end && span.start < t.end)) continue;
          taken.push(span);
          const secret = model.text.slice(span.start, span.end);
          const { id, name, severity } = d.detector;
          ctx.report({ span, data: { secret: d.masked(secret), name, detector: id }, severity });
        }
      });
    };
  },
});

function appliesEverywhere(d: Detector): boolean {
  return !d.fileNames && !d.paths;
}

function compileDetector(detector: Detector, regex: RegexCompiler): CompiledDetector {
  const where = `detector "${detector.id}"`;
  const compiled = withContext(where, () => regex(detector.pattern));
  const group = detector.secretGroup ?? 0;
  for (const g of [group, detector.userGroup ?? 0]) {
    if (g > compiled.groupCount) throw new Error(`${where}: group ${g} is larger than the pattern's ${compiled.groupCount} capture group(s)`);
  }
  const reportable = withContext(where, () => compileValueFilter(detector, regex));
  const allowlisted = withContext(where, () => compileValueFilter({ allowlist: detector.allowlist, skipPlaceholders: false }, regex));
  const checksum = detector.checksum ? CHECKSUMS[detector.checksum] : undefined;
  const validate = detector.validate ? VALIDATORS[detector.validate] : undefined;
  return {
    detector,
    regex: compiled,
    inScope: withContext(where, () => compileFileFilter(detector, regex)),
    masked: (secret) => maskedByKeyword(secret, detector.revealPrefix === false ? [] : detector.keywords),
    accepts(secret, match) {
      if (secret.length < (detector.minLength ?? 1)) return false;
      if (detector.userGroup !== undefined && match.groups[detector.userGroup] === secret) return false;
      if (validate && !validate(secret)) return false;
      const verified = checksum?.(secret) ?? false;
      if (detector.requireChecksum && !verified) return false;
      return verified ? allowlisted(secret) : reportable(secret);
    },
  };
}

/** The spans of a detector's accepted secrets on the lines around its hits. */
function* matches(model: TextModel, d: CompiledDetector, hits: readonly number[]): Generator<Span> {
  const group = d.detector.secretGroup ?? 0;
  for (const segment of segmentsAround(model, hits, d.detector.contextLines ?? 0)) {
    for (const m of d.regex.matchAll(model.text.slice(segment.start, segment.end))) {
      const secret = m.groups[group];
      if (!secret || !d.accepts(secret, m)) continue;
      const start = segment.start + m.groupStart(group);
      yield { start, end: start + secret.length };
    }
  }
}

/**
 * Shows the type prefix the value starts with when it is one of the detector's keywords (`sk_live_`,
 * `glpat-`), which names the credential without revealing any of its random part; else the length only.
 */
export function maskedByKeyword(secret: string, keywords: readonly string[]): string {
  const lower = secret.toLowerCase();
  const prefix = keywords.filter((k) => k.length <= MAX_SHOWN_PREFIX && lower.startsWith(k.toLowerCase())).reduce((a, k) => (k.length > a.length ? k : a), '');
  return `${secret.slice(0, prefix.length)}${lengthOnly(secret.length)}`;
}

/** Longer keywords are shown only by length (a long keyword would be most of a short value). */
const MAX_SHOWN_PREFIX = 12;

function withContext<T>(where: string, build: () => T): T {
  try {
    return build();
  } catch (err) {
    throw new Error(`${where}: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }
}
