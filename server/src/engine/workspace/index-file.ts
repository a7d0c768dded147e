import { parseDocument, isMap, type Document } from 'yaml';
import { baseName, detectLanguage, kindByName } from '../language';
import { parseDockerfile } from '../parsers/dockerfile';
import { parseKubernetes, type K8sDocument, type K8sObject } from '../parsers/kubernetes';
import { asMap, asSeq, getIn, nodeSpan, scalarString } from '../parsers/yaml-nodes';
import { finalStageUser } from '../templates/dockerfile/final-user';
import { LineIndex } from '../text';
import type { ParseCache, SourceFile, Span } from '../types';
import { WORKLOAD_KINDS } from '../parsers/kubernetes-workloads';
import { emptyFacts, locate, type BuildContextFact, type FactLocation, type FileFacts, type ImageBuildFact, type LabelSelector } from './facts';
import { dockerignoreFact, isDockerignoreName } from './dockerignore';
import { resolveRelative } from './paths';
import { workloadFactsOf } from './workload-facts';
import { trimEndOf } from '../trim';

/** The kinds the index reads; every other section of a manifest is left unparsed. */
const INDEXED_KINDS: ReadonlySet<string> = new Set(['NetworkPolicy', 'Namespace', 'LimitRange', 'ResourceQuota']);
const WITH_WORKLOADS: ReadonlySet<string> = new Set([...INDEXED_KINDS, ...WORKLOAD_KINDS]);
const COMPOSE_NAME = /^(?:docker-)?compose(?:\.[^/\\]+)?\.ya?ml$/i;
const SKAFFOLD_NAME = /^skaffold(?:\.[^/\\]+)?\.ya?ml$/i;
/** The language ids under which detectLanguage may find a Dockerfile or a Kubernetes manifest. */
const FACT_LANGUAGE_IDS: ReadonlySet<string> = new Set(['dockerfile', 'yaml', 'helm', 'json']);

/**
 * Whether indexFile can find a fact in a file of this name and language id, judged without its text:
 * Dockerfiles, YAML and JSON (compose and skaffold files are YAML), and Docker ignore files. Every other file has none.
 */
export function canHoldFacts(file: Pick<SourceFile, 'uri' | 'languageId'>): boolean {
  return (file.languageId !== undefined && FACT_LANGUAGE_IDS.has(file.languageId)) || kindByName(file.uri) !== undefined || isDockerignoreName(file.uri);
}

export interface IndexFileOptions {
  /**
   * Read workload containers (default true). The CLI leaves them out of its first pass and takes them
   * from each manifest's own analysis parse (workloadFacts with the same cache): no second parse.
   */
  readonly workloads?: boolean;
}

/**
 * What one file contributes to the workspace index. Pure and cheap: Kubernetes sections of kinds the
 * index does not read are not parsed, and a parse cache shared with the file's analysis is reused.
 */
export function indexFile(file: SourceFile, cache?: ParseCache, options: IndexFileOptions = {}): FileFacts {
  const facts = emptyFacts(file.uri);
  const name = baseName(file.uri);
  if (isDockerignoreName(name)) return { ...facts, dockerignore: dockerignoreFact(file.text) };
  const language = detectLanguage(file);
  if (language === 'dockerfile') {
    const model = parseDockerfile(file.text, cache);
    const user = finalStageUser(model);
    // The model's own line index (of this same text): no pass over the file to place one USER.
    return { ...facts, isDockerfile: true, dockerfileUser: user ? { uri: file.uri, user: user.value, location: locate(file.uri, model.lines, user.span) } : undefined };
  }
  if (COMPOSE_NAME.test(name)) {
    const doc = parseBuildFile(file.text);
    const contexts = composeContexts(file.uri, doc);
    return { ...facts, imageBuilds: composeBuilds(file, doc), ...(contexts.length > 0 ? { buildContexts: contexts } : {}) };
  }
  if (SKAFFOLD_NAME.test(name)) return { ...facts, imageBuilds: skaffoldBuilds(file) };
  if (language !== 'kubernetes') return facts;
  const withWorkloads = options.workloads !== false;
  const model = parseKubernetes(file.text, cache, undefined, withWorkloads ? WITH_WORKLOADS : INDEXED_KINDS);
  const locateIn = sectionLocator(file.uri, model.documents);
  const out = { networkPolicies: [] as FileFacts['networkPolicies'][number][], namespaces: [] as FileFacts['namespaces'][number][], resourceControls: [] as FileFacts['resourceControls'][number][] };
  for (const object of model.objects) {
    const doc = object.document.doc;
    if (!doc || !object.kind || !INDEXED_KINDS.has(object.kind)) continue;
    const location = locateIn(objectSpan(object));
    if (object.kind === 'NetworkPolicy') {
      out.networkPolicies.push({ name: object.name, namespace: object.namespace, podSelector: selectorOf(doc, getIn(doc, object.node, ['spec', 'podSelector'])), location });
    } else if (object.kind === 'Namespace' && object.name) {
      out.namespaces.push({ name: object.name, labels: stringPairs(doc, getIn(doc, object.node, ['metadata', 'labels'])), location });
    } else if (object.kind === 'LimitRange' || object.kind === 'ResourceQuota') {
      out.resourceControls.push({ kind: object.kind, namespace: object.namespace, location });
    }
  }
  return { ...facts, ...out, workloads: withWorkloads ? workloadFactsOf(model, file.uri, locateIn) : [] };
}

/** The key under which a section's memo keeps its own line index (an object no rule can be). */
const SECTION_LINES: object = Object.freeze({});

/**
 * Locations in a manifest, counted section by section: each section's line index is memoised with the
 * section, so at a keystroke only the edited section's lines are counted again, where a line index of
 * the whole text walked every line of a 1.9 MB manifest to place a few NetworkPolicies.
 */
function sectionLocator(uri: string, documents: readonly K8sDocument[]): (span: Span) => FactLocation {
  const linesOf = (document: K8sDocument): LineIndex => {
    let lines = document.memo.get(SECTION_LINES) as LineIndex | undefined;
    if (!lines) {
      lines = new LineIndex(document.text);
      document.memo.set(SECTION_LINES, lines);
    }
    return lines;
  };
  // Sections start at a line start (`---`), so the lines before one are the line breaks of those before it.
  // Counted on the first location asked for: most manifests hold no fact at all.
  let firstLines: number[] | undefined;
  const firstLineOf = (i: number): number => {
    if (!firstLines) {
      firstLines = [];
      let count = 0;
      for (const document of documents) {
        firstLines.push(count);
        count += linesOf(document).lineCount - 1;
      }
    }
    return firstLines[i];
  };
  const positionAt = (offset: number) => {
    // The last section that starts at or before the offset.
    let lo = 0;
    let hi = documents.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (documents[mid].base <= offset) lo = mid;
      else hi = mid - 1;
    }
    const i = lo;
    const local = linesOf(documents[i]).positionAt(offset - documents[i].base);
    return { line: firstLineOf(i) + local.line, character: local.character };
  };
  return (span) => ({ uri, span, range: { start: positionAt(span.start), end: positionAt(span.end) } });
}

/** The object's `kind:` pair, where a reader looks first; the whole node otherwise. */
function objectSpan(object: K8sObject): Span {
  const doc = object.document.doc;
  const kind = doc ? object.node.items.find((p) => scalarString(p.key) === 'kind') : undefined;
  const span = kind ? nodeSpan(object.document.base, kind.key as never) : nodeSpan(object.document.base, object.node);
  return span ?? { start: object.document.base, end: object.document.base };
}

export function selectorOf(doc: Document, node: unknown): LabelSelector {
  const map = asMap(doc, node);
  const expressions = asSeq(doc, getIn(doc, map, ['matchExpressions']))?.items ?? [];
  return {
    matchLabels: stringPairs(doc, getIn(doc, map, ['matchLabels'])),
    matchExpressions: expressions.flatMap((item) => {
      const expr = asMap(doc, item);
      const key = scalarString(getIn(doc, expr, ['key']));
      const operator = scalarString(getIn(doc, expr, ['operator']));
      if (!expr || !key || !operator) return [];
      const values = (asSeq(doc, getIn(doc, expr, ['values']))?.items ?? []).map((v) => scalarString(v) ?? '');
      return [{ key, operator, values }];
    }),
  };
}

export function stringPairs(doc: Document, node: unknown): [string, string][] {
  const map = asMap(doc, node);
  if (!map) return [];
  return map.items.flatMap((pair) => {
    const key = scalarString(pair.key);
    const value = scalarString(pair.value);
    return key !== undefined && value !== undefined ? [[key, value] as [string, string]] : [];
  });
}

/** Aliases are never expanded (no toJS): a hostile build file is at worst a parse error. */
function parseBuildFile(text: string): Document.Parsed | undefined {
  try {
    const doc = parseDocument(text, { uniqueKeys: false, strict: false, prettyErrors: false });
    return doc.errors.length === 0 && isMap(doc.contents) ? doc : undefined;
  } catch {
    return undefined;
  }
}

/** docker compose: `services.<name>.image` built from `build` (a context, or `{context, dockerfile}`). */
function composeBuilds(file: SourceFile, doc: Document.Parsed | undefined): ImageBuildFact[] {
  const services = doc ? asMap(doc, getIn(doc, doc.contents, ['services'])) : undefined;
  if (!doc || !services) return [];
  const lines = new LineIndex(file.text);
  return services.items.flatMap((pair) => {
    const service = asMap(doc, pair.value);
    const imageNode = getIn(doc, service, ['image']);
    const build = getIn(doc, service, ['build']);
    const context = scalarString(build) ?? scalarString(getIn(doc, build, ['context']));
    const dockerfile = scalarString(getIn(doc, build, ['dockerfile'])) ?? 'Dockerfile';
    return buildFact(file.uri, lines, scalarString(imageNode), context, dockerfile, nodeSpan(0, imageNode));
  });
}

/**
 * docker compose: the build context of every service that builds (with or without `image`), so the
 * ignore file its Dockerfile is built with is the context's, not the one beside the Dockerfile.
 */
function composeContexts(uri: string, doc: Document.Parsed | undefined): BuildContextFact[] {
  const services = doc ? asMap(doc, getIn(doc, doc.contents, ['services'])) : undefined;
  if (!doc || !services) return [];
  return services.items.flatMap((pair) => {
    const build = getIn(doc, asMap(doc, pair.value), ['build']);
    const context = scalarString(build) ?? scalarString(getIn(doc, build, ['context']));
    const dockerfile = scalarString(getIn(doc, build, ['dockerfile'])) ?? 'Dockerfile';
    // Variables, remote contexts (git URLs) and inline Dockerfiles say nothing about a folder of the workspace.
    if (context === undefined || /[$]\{?|\{\{|:\/\/|^git@/.test(context + dockerfile) || /^\//.test(dockerfile)) return [];
    const folder = trimEndOf(context, '/');
    return [{ dockerfile: resolveRelative(uri, `${folder}/${dockerfile}`), dockerignore: resolveRelative(uri, `${folder}/.dockerignore`) }];
  });
}

/** skaffold: `build.artifacts[]` with `image`, `context` (default `.`) and `docker.dockerfile`. */
function skaffoldBuilds(file: SourceFile): ImageBuildFact[] {
  const doc = parseBuildFile(file.text);
  const artifacts = doc ? asSeq(doc, getIn(doc, doc.contents, ['build', 'artifacts'])) : undefined;
  if (!doc || !artifacts) return [];
  const lines = new LineIndex(file.text);
  return artifacts.items.flatMap((item) => {
    const artifact = asMap(doc, item);
    const imageNode = getIn(doc, artifact, ['image']);
    const context = scalarString(getIn(doc, artifact, ['context'])) ?? '.';
    const dockerfile = scalarString(getIn(doc, artifact, ['docker', 'dockerfile'])) ?? 'Dockerfile';
    return buildFact(file.uri, lines, scalarString(imageNode), context, dockerfile, nodeSpan(0, imageNode));
  });
}

function buildFact(uri: string, lines: LineIndex, image: string | undefined, context: string | undefined, dockerfile: string, span: Span | undefined): ImageBuildFact[] {
  if (!image || context === undefined || !span || /[$]\{?|\{\{/.test(image + context + dockerfile)) return [];
  const repository = repositoryOf(image);
  if (!repository) return [];
  return [{ repository, dockerfile: resolveRelative(uri, `${trimEndOf(context, '/')}/${dockerfile}`), location: locate(uri, lines, span) }];
}

/** `ghcr.io/acme/api:1.2@sha256:…` → `ghcr.io/acme/api`: the tag and digest do not say which build. */
export function repositoryOf(image: string): string | undefined {
  const withoutDigest = image.split('@')[0].trim();
  const lastSlash = withoutDigest.lastIndexOf('/');
  const colon = withoutDigest.indexOf(':', lastSlash + 1);
  const repository = colon >= 0 ? withoutDigest.slice(0, colon) : withoutDigest;
  return repository.length > 0 ? repository.toLowerCase() : undefined;
}
