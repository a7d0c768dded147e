import type { From } from 'dockerfile-ast';
import type { DockerfileModel, Stage } from '../../parsers/dockerfile';
import type { Span } from '../../types';

// Shared by the base-image templates: what a FROM really names once global ARG defaults are applied.

export interface ImageReference {
  /** The text as written, e.g. `node:${NODE_VERSION}-alpine`. */
  readonly raw: string;
  /** After substituting global ARG defaults; undefined when a variable has no default. */
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
}

export function imageOf(model: DockerfileModel, stage: Stage): ImageReference | undefined {
  const from: From = stage.from;
  const raw = from.getImage();
  const range = from.getImageRange();
  if (!raw || !range) return undefined;
  const span = model.span(range);
  const resolved = substitute(raw, globalArgDefaults(model));
  const parsed = resolved ? splitReference(resolved) : undefined;
  const earlierAliases = new Set(model.stages.slice(0, stage.index).map((s) => s.alias).filter(Boolean));
  const isLocal = !!resolved && (resolved.toLowerCase() === 'scratch' || earlierAliases.has(resolved.toLowerCase()));
  const literal = !raw.includes('$');
  const tagRange = literal ? from.getImageTagRange() : null;
  const nameRange = literal ? from.getImageNameRange() : null;
  return {
    raw,
    resolved,
    ...parsed,
    span,
    tagSpan: tagRange ? model.span(tagRange) : undefined,
    nameSpan: nameRange ? model.span(nameRange) : undefined,
    isLocal,
  };
}

function globalArgDefaults(model: DockerfileModel): Map<string, string> {
  const out = new Map<string, string>();
  for (const instruction of model.preamble) {
    if (instruction.getKeyword() !== 'ARG') continue;
    const content = instruction.getArgumentsContent() ?? '';
    const m = /^\s*([A-Za-z_][A-Za-z0-9_]*)=(?:"([^"]*)"|'([^']*)'|(\S*))/.exec(content);
    if (m) out.set(m[1], m[2] ?? m[3] ?? m[4] ?? '');
  }
  return out;
}

/** `${VAR}`, `$VAR`, and `${VAR:-default}` from global ARG defaults; undefined if any stays unknown. */
function substitute(raw: string, defaults: Map<string, string>): string | undefined {
  let unknown = false;
  const out = raw.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (_, braced: string, fallback: string | undefined, bare: string) => {
    const value = defaults.get(braced ?? bare) ?? fallback;
    if (value === undefined || value === '') unknown = true;
    return value ?? '';
  });
  return unknown ? undefined : out;
}

/** Splits `registry:5000/ns/name:tag@sha256:…` without mistaking a registry port for a tag. */
export function splitReference(ref: string): { name: string; tag?: string; digest?: string } {
  const at = ref.indexOf('@');
  const digest = at >= 0 ? ref.slice(at + 1) : undefined;
  const nameTag = at >= 0 ? ref.slice(0, at) : ref;
  const colon = nameTag.lastIndexOf(':');
  const slash = nameTag.lastIndexOf('/');
  if (colon > slash) return { name: nameTag.slice(0, colon), tag: nameTag.slice(colon + 1), digest };
  return { name: nameTag, digest };
}
