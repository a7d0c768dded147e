import type { Arg, From } from 'dockerfile-ast';
import type { AstRange, DockerfileModel, Stage } from '../../parsers/dockerfile';
import { fromText } from '../../parsers/dockerfile-text-memo';
import type { Span } from '../../types';

// Shared by the base-image templates: what a FROM really names once global ARG defaults are applied.

export interface ImageReference {
  /** The text as written, e.g. `node:${NODE_VERSION}-alpine`. */
  readonly raw: string;
  /**
   * After substituting global ARG defaults; undefined when a variable has no default, or when the
   * result is no valid image reference (a placeholder such as `REPLACE-ME` or `gcr.io/<project>/app`
   * that a script substitutes before the build).
   */
  readonly resolved?: string;
  readonly name?: string;
  readonly tag?: string;
  readonly digest?: string;
  /** The whole image token. */
  readonly span: Span;
  /** The tag token, when written literally (no variables), for a precise underline. */
  readonly tagSpan?: Span;
  readonly nameSpan?: Span;
  /** `scratch`, or the alias of an earlier stage: not an image from a registry. */
  readonly isLocal: boolean;
  /** The earlier stage this FROM builds on (`FROM build`, also `FROM ${BASE:-build}`). */
  readonly stage?: Stage;
}

/**
 * Where the image's text in a message was read from (Report.origins), when it is the text as written: a
 * secret elsewhere that merely equals it then does not mask it. A value resolved through ARG defaults has
 * no single origin, so it gets none and is searched for every secret text instead.
 */
export function imageOrigin(image: ImageReference | undefined): Span | undefined {
  return image && image.resolved !== undefined && image.resolved === image.raw ? image.span : undefined;
}

const IMAGES_KEY = Symbol('imageOf');

/** What a stage's FROM names; read once per model (the image rules, pipefail and final-user all ask, some per RUN). */
export function imageOf(model: DockerfileModel, stage: Stage): ImageReference | undefined {
  let read = model.memo.get(IMAGES_KEY) as Map<Stage, ImageReference | undefined> | undefined;
  if (!read) model.memo.set(IMAGES_KEY, (read = new Map()));
  if (!read.has(stage)) read.set(stage, readImage(model, stage));
  return read.get(stage);
}

function readImage(model: DockerfileModel, stage: Stage): ImageReference | undefined {
  const from: From = stage.from;
  const base = model.span(from.getRange()).start;
  const written = fromText(from, WRITTEN_KEY, () => readWritten(model, from, base));
  if (!written) return undefined;
  const { raw } = written;
  const at = (span: Span | undefined): Span | undefined => span && { start: base + span.start, end: base + span.end };
  const substituted = substitute(raw, globalArgDefaults(model));
  // Stage names are case-insensitive (`FROM Build`), so look them up before checking the reference.
  const lower = substituted?.toLowerCase();
  const parent = lower === undefined ? undefined : model.stages.slice(0, stage.index).reverse().find((s) => s.alias === lower);
  const isLocal = lower === 'scratch' || parent !== undefined;
  const resolved = substituted !== undefined && (isLocal || VALID_REFERENCE.test(substituted)) ? substituted : undefined;
  const parsed = resolved ? splitReference(resolved) : undefined;
  return {
    raw,
    resolved,
    ...parsed,
    span: at(written.span) as Span,
    tagSpan: at(written.tagSpan),
    nameSpan: at(written.nameSpan),
    isLocal,
    stage: parent,
  };
}

/** The image as a FROM writes it, with spans from the FROM's start: read from its text alone. */
interface WrittenImage {
  readonly raw: string;
  readonly span: Span;
  readonly tagSpan?: Span;
  readonly nameSpan?: Span;
}

const WRITTEN_KEY = Symbol('writtenImage');

function readWritten(model: DockerfileModel, from: From, base: number): WrittenImage | undefined {
  const raw = from.getImage();
  const range = from.getImageRange();
  if (!raw || !range) return undefined;
  const relative = (r: AstRange | null): Span | undefined => {
    if (!r) return undefined;
    const span = model.span(r);
    return { start: span.start - base, end: span.end - base };
  };
  const literal = !raw.includes('$');
  return { raw, span: relative(range) as Span, tagSpan: literal ? relative(from.getImageTagRange()) : undefined, nameSpan: literal ? relative(from.getImageNameRange()) : undefined };
}

/**
 * Docker's reference grammar (distribution/reference), loosely: an optional registry host, lower-case
 * path components, an optional tag and digest. Anything else fails `docker build`, so it is a
 * template placeholder rather than an image to judge.
 */
const PATH_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const VALID_REFERENCE = new RegExp(
  `^(?:[A-Za-z0-9.-]+(?::[0-9]+)?/)?${PATH_COMPONENT}(?:/${PATH_COMPONENT})*(?::\\w[\\w.-]{0,127})?(?:@[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,})?$`,
);

/**
 * Defaults of the ARGs before the first FROM, in order: a default may use an earlier one
 * (`ARG BASE=$REGISTRY/app`), as Docker expands it. A default that uses an unknown variable is unknown.
 */
export function globalArgDefaults(model: DockerfileModel): Map<string, string | undefined> {
  const out = new Map<string, string | undefined>();
  for (const instruction of model.preamble) {
    if (instruction.getKeyword() !== 'ARG') continue;
    for (const property of (instruction as Arg).getProperties()) {
      const value = property.getAssignmentOperator() === '=' ? property.getValue() : null;
      if (value === null) continue; // `ARG NAME` keeps an earlier default, if any
      out.set(property.getName(), value === '' ? '' : substitute(value, out));
    }
  }
  return out;
}

/**
 * `${VAR}`, `$VAR`, and `${VAR:-default}` from global ARG defaults (undefined: a default that is
 * itself unknown); undefined if any stays unknown or empty.
 */
export function substitute(raw: string, defaults: ReadonlyMap<string, string | undefined>): string | undefined {
  let unknown = false;
  const out = raw.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (_, braced: string | undefined, fallback: string | undefined, bare: string | undefined) => {
    const name = braced ?? bare ?? '';
    const value = defaults.get(name);
    // An unset or empty variable takes the `:-` fallback; a default we could not work out stays unknown.
    const result = value || (defaults.has(name) && value === undefined ? undefined : fallback);
    if (!result) unknown = true;
    return result ?? '';
  });
  return unknown ? undefined : out;
}

/** Splits `registry:5000/ns/name:tag@sha256:…` without mistaking a registry port for a tag. */
function splitReference(ref: string): { name: string; tag?: string; digest?: string } {
  const at = ref.indexOf('@');
  const digest = at >= 0 ? ref.slice(at + 1) : undefined;
  const nameTag = at >= 0 ? ref.slice(0, at) : ref;
  const colon = nameTag.lastIndexOf(':');
  const slash = nameTag.lastIndexOf('/');
  if (colon > slash) return { name: nameTag.slice(0, colon), tag: nameTag.slice(colon + 1), digest };
  return { name: nameTag, digest };
}
