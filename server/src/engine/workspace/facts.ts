import type { LineIndex } from '../text';
import type { Span } from '../types';

// What one file contributes to the workspace index: small, plain, JSON-safe data (the CLI may pass it
// between workers, the editor keeps one per file), never parse trees. Cross-file checks read only this.

/** 0-based line and UTF-16 character, as LSP and SARIF (converted here: the other file's text is not at hand later). */
export interface Range {
  readonly start: { readonly line: number; readonly character: number };
  readonly end: { readonly line: number; readonly character: number };
}

/** A place in another file: the offsets for that file's own analysis, the range for related information. */
export interface FactLocation {
  readonly uri: string;
  readonly span: Span;
  readonly range: Range;
}

/** A Kubernetes label selector as written (metav1.LabelSelector). */
export interface LabelSelector {
  readonly matchLabels: readonly (readonly [string, string])[];
  readonly matchExpressions: readonly { readonly key: string; readonly operator: string; readonly values: readonly string[] }[];
}

export interface NetworkPolicyFact {
  readonly name?: string;
  /** Absent when the manifest leaves it to `kubectl -n` or kustomize. */
  readonly namespace?: string;
  readonly podSelector: LabelSelector;
  readonly location: FactLocation;
}

export interface NamespaceFact {
  readonly name: string;
  readonly labels: readonly (readonly [string, string])[];
  readonly location: FactLocation;
}

/** A LimitRange or ResourceQuota: either gives a namespace's pods default or bounded resources. */
export interface ResourceControlFact {
  readonly kind: 'LimitRange' | 'ResourceQuota';
  readonly namespace?: string;
  readonly location: FactLocation;
}

/** The user a Dockerfile's image runs as, when a USER in the file says it. */
export interface DockerfileUserFact {
  readonly uri: string;
  readonly user: string;
  readonly location: FactLocation;
}

/** An image a build file (compose, skaffold) says is built from a Dockerfile. */
export interface ImageBuildFact {
  /** Repository as written, without tag or digest (`ghcr.io/acme/api`). */
  readonly repository: string;
  /** The Dockerfile, as a URI or path in the same form as the build file's. */
  readonly dockerfile: string;
  readonly location: FactLocation;
}

/** A build a compose file defines: its Dockerfile and the ignore file of its context, both resolved. */
export interface BuildContextFact {
  readonly dockerfile: string;
  readonly dockerignore: string;
}

/** A container of a workload (any kind whose pod template path is known) and the image it runs. */
export interface WorkloadContainerFact {
  /** `Deployment/api`. */
  readonly object: string;
  readonly container: string;
  /** As written (`ghcr.io/acme/api:1.4`). */
  readonly image: string;
  /** The pod spec alone keeps it off root: a non-zero runAsUser, or runAsNonRoot: true without runAsUser. */
  readonly nonRoot: boolean;
  /** The container's `image` value. */
  readonly location: FactLocation;
}

/**
 * A Dockerfile's ignore file (`.dockerignore`, or BuildKit's `<Dockerfile>.dockerignore`): its patterns,
 * or that the caller looked for it on disk and it is not there. No fact at all means nobody looked.
 */
export interface DockerignoreFact {
  readonly exists: boolean;
  /** The patterns in file order, comments and blank lines left out, leading `/` and `./` removed. */
  readonly patterns: readonly string[];
}

export interface FileFacts {
  readonly uri: string;
  readonly networkPolicies: readonly NetworkPolicyFact[];
  readonly namespaces: readonly NamespaceFact[];
  readonly resourceControls: readonly ResourceControlFact[];
  readonly dockerfileUser?: DockerfileUserFact;
  /** Present for every Dockerfile, so a folder-name match can find it even without a USER. */
  readonly isDockerfile: boolean;
  readonly imageBuilds: readonly ImageBuildFact[];
  readonly workloads: readonly WorkloadContainerFact[];
  /** Builds a compose file defines, with their contexts (absent: none). */
  readonly buildContexts?: readonly BuildContextFact[];
  /** Set for ignore files of Docker builds (present or known to be absent). */
  readonly dockerignore?: DockerignoreFact;
}

export function emptyFacts(uri: string): FileFacts {
  return { uri, networkPolicies: [], namespaces: [], resourceControls: [], isDockerfile: false, imageBuilds: [], workloads: [] };
}

export function locate(uri: string, lines: LineIndex, span: Span): FactLocation {
  return { uri, span, range: { start: lines.positionAt(span.start), end: lines.positionAt(span.end) } };
}

/**
 * The same facts but for where they are (a line typed above a workload moves it): the findings of other
 * files stay the same, only the ranges of their related information would move.
 */
export function sameExceptLocations(a: FileFacts, b: FileFacts): boolean {
  const withoutLocations = (key: string, value: unknown) => (key === 'location' ? undefined : value);
  return JSON.stringify(a, withoutLocations) === JSON.stringify(b, withoutLocations);
}
