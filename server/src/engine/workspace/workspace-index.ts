import { emptyFacts, type DockerfileUserFact, type FileFacts, type ImageBuildFact, type LabelSelector, type NamespaceFact, type NetworkPolicyFact, type ResourceControlFact, type WorkloadContainerFact } from './facts';
import { dockerignoreCandidates } from './dockerignore';
import { repositoryOf } from './index-file';
import { fileKey, parentFolderName, sameFile } from './paths';

/** How a workload's image was tied to a Dockerfile in the workspace, for the finding to say. */
export interface ImageSource {
  readonly dockerfile: string;
  readonly user?: DockerfileUserFact;
  /** The compose/skaffold entry that builds the image, or undefined when the Dockerfile's folder is named like the image. */
  readonly build?: ImageBuildFact;
}

/**
 * The facts of every file in the workspace, queried by the cross-file rules. Immutable: the editor
 * builds a new one when a file's facts change (rare: typing inside a workload changes none), so one
 * analysis always sees one consistent workspace.
 */
export class WorkspaceIndex {
  readonly files: ReadonlyMap<string, FileFacts>;
  /** Workload containers by the Dockerfile that builds their image, computed on first use (the index never changes). */
  private runningByDockerfile?: Map<string, WorkloadContainerFact[]>;
  /** Every file's facts of one kind, gathered on first use: each workload asks, and a scan has thousands. */
  private allNetworkPolicies?: readonly NetworkPolicyFact[];
  private allNamespaces?: readonly NamespaceFact[];
  private allResourceControls?: ResourceControlFact[];
  /** Ignore-file facts by fileKey, computed on first use. */
  private ignoreFiles?: Map<string, FileFacts>;
  /** The context's ignore file by fileKey of the Dockerfile a compose file builds, computed on first use. */
  private contextIgnores?: Map<string, string>;
  /** imageSource by repository: asked for every container of every open manifest at each analysis. */
  private readonly sources = new Map<string, ImageSource | undefined>();
  /**
   * What findImageSource searches, gathered on first use: a scan asks for a thousand repositories, and
   * walking every file's facts for each cost as much as a tenth of a scan's rules.
   */
  private sourceCandidates?: { readonly builds: readonly ImageBuildFact[]; readonly byFolder: ReadonlyMap<string, readonly FileFacts[]> };

  constructor(files: Iterable<FileFacts>) {
    this.files = new Map([...files].map((f) => [f.uri, f]));
  }

  /** The index with one file's facts replaced; the same index when they did not change. */
  with(facts: FileFacts): WorkspaceIndex {
    const current = this.files.get(facts.uri);
    if (!current && isEmpty(facts)) return this;
    if (current && JSON.stringify(current) === JSON.stringify(facts)) return this;
    return new WorkspaceIndex([...this.files.values()].filter((f) => f.uri !== facts.uri).concat([facts]));
  }

  /**
   * The index with these files' workload containers set (their other facts kept), built once: the CLI
   * adds what each manifest's analysis read after analysing them all.
   */
  withWorkloads(byUri: ReadonlyMap<string, readonly WorkloadContainerFact[]>): WorkspaceIndex {
    const next = new Map(this.files);
    for (const [uri, workloads] of byUri) {
      if (workloads.length === 0 && !next.has(uri)) continue;
      next.set(uri, { ...(next.get(uri) ?? emptyFacts(uri)), workloads });
    }
    return new WorkspaceIndex(next.values());
  }

  without(uri: string): WorkspaceIndex {
    return this.files.has(uri) ? new WorkspaceIndex([...this.files.values()].filter((f) => f.uri !== uri)) : this;
  }

  get networkPolicies(): readonly NetworkPolicyFact[] {
    return (this.allNetworkPolicies ??= [...this.files.values()].flatMap((f) => f.networkPolicies));
  }

  get namespaces(): readonly NamespaceFact[] {
    return (this.allNamespaces ??= [...this.files.values()].flatMap((f) => f.namespaces));
  }

  /**
   * NetworkPolicies that select pods with these labels in this namespace. A namespace left out on
   * either side (set at apply time by `kubectl -n` or kustomize) matches any: a finding about a
   * missing policy must not rest on a guess.
   */
  policiesSelecting(namespace: string | undefined, labels: ReadonlyMap<string, string>): NetworkPolicyFact[] {
    return this.networkPolicies.filter((p) => sameNamespace(p.namespace, namespace) && selects(p.podSelector, labels));
  }

  /** Every workload container of the workspace whose image the Dockerfile `uri` builds (imageSource). */
  containersRunning(uri: string): WorkloadContainerFact[] {
    this.runningByDockerfile ??= this.mapContainersToDockerfiles();
    const key = [...this.runningByDockerfile.keys()].find((dockerfile) => sameFile(dockerfile, uri));
    return key ? (this.runningByDockerfile.get(key) ?? []) : [];
  }

  private mapContainersToDockerfiles(): Map<string, WorkloadContainerFact[]> {
    const byRepository = new Map<string, ImageSource | undefined>();
    const out = new Map<string, WorkloadContainerFact[]>();
    for (const container of [...this.files.values()].flatMap((f) => f.workloads)) {
      const repository = repositoryOf(container.image);
      if (!repository) continue;
      if (!byRepository.has(repository)) byRepository.set(repository, this.imageSource(repository));
      const source = byRepository.get(repository);
      if (source) out.set(source.dockerfile, [...(out.get(source.dockerfile) ?? []), container]);
    }
    return out;
  }

  /**
   * The ignore file a build of this Dockerfile with its own folder as the context reads (BuildKit's
   * `<Dockerfile>.dockerignore` first, then `.dockerignore`): `exists: false` when the caller looked and
   * found none, undefined when nobody looked (a Dockerfile outside the indexed folders).
   */
  dockerignoreFor(dockerfile: string): { readonly uri: string; readonly exists: boolean; readonly patterns: readonly string[] } | undefined {
    const [own, beside] = dockerignoreCandidates(dockerfile);
    const shared = this.contextDockerignoreOf(dockerfile) ?? beside;
    for (const uri of [own, shared]) {
      const facts = this.factsOf(uri);
      if (facts?.dockerignore?.exists) return { uri: facts.uri, ...facts.dockerignore };
    }
    // Absent only when both were looked for: one unknown file may be the one the build reads.
    return this.factsOf(own)?.dockerignore && this.factsOf(shared)?.dockerignore ? { uri: shared, exists: false, patterns: [] } : undefined;
  }

  /** The ignore file of the context a compose file builds this Dockerfile with, when one does. */
  private contextDockerignoreOf(dockerfile: string): string | undefined {
    if (!this.contextIgnores) {
      this.contextIgnores = new Map();
      for (const build of [...this.files.values()].flatMap((f) => f.buildContexts ?? [])) {
        const key = fileKey(build.dockerfile);
        if (!this.contextIgnores.has(key)) this.contextIgnores.set(key, build.dockerignore);
      }
    }
    return this.contextIgnores.get(fileKey(dockerfile));
  }

  /** A file's facts by either name form (URI or path): an exact key first, else a normalised match. */
  private factsOf(uri: string): FileFacts | undefined {
    this.ignoreFiles ??= new Map([...this.files.values()].filter((f) => f.dockerignore !== undefined).map((f) => [fileKey(f.uri), f]));
    return this.files.get(uri) ?? this.ignoreFiles.get(fileKey(uri));
  }

  resourceControlsIn(namespace: string): ResourceControlFact[] {
    return (this.allResourceControls ??= [...this.files.values()].flatMap((f) => f.resourceControls)).filter((c) => c.namespace === namespace);
  }

  /**
   * The Dockerfile that builds an image: named by a compose or skaffold file in the workspace, else the
   * only Dockerfile whose folder has the repository's last name (`.../api/Dockerfile` for `ghcr.io/acme/api`).
   */
  imageSource(image: string): ImageSource | undefined {
    const repository = repositoryOf(image);
    if (!repository) return undefined;
    if (!this.sources.has(repository)) this.sources.set(repository, this.findImageSource(repository));
    return this.sources.get(repository);
  }

  private findImageSource(repository: string): ImageSource | undefined {
    const { builds, byFolder } = (this.sourceCandidates ??= this.gatherSourceCandidates());
    const build = builds.find((b) => sameRepository(b.repository, repository));
    if (build) {
      const dockerfile = [...this.files.values()].find((f) => f.isDockerfile && sameFile(f.uri, build.dockerfile));
      return dockerfile ? { dockerfile: dockerfile.uri, user: dockerfile.dockerfileUser, build } : undefined;
    }
    const last = repository.split('/').pop();
    const named = last === undefined ? [] : (byFolder.get(last) ?? []);
    return named.length === 1 ? { dockerfile: named[0].uri, user: named[0].dockerfileUser } : undefined;
  }

  /** Every image build in file order, and each file named Dockerfile or Containerfile by its folder's name in lower case. */
  private gatherSourceCandidates(): { builds: ImageBuildFact[]; byFolder: Map<string, FileFacts[]> } {
    const facts = [...this.files.values()];
    const byFolder = new Map<string, FileFacts[]>();
    for (const f of facts) {
      if (!f.isDockerfile || !/^(?:Dockerfile|Containerfile)$/i.test(f.uri.split(/[\\/]/).pop() ?? '')) continue;
      const folder = parentFolderName(f.uri)?.toLowerCase();
      if (folder === undefined) continue;
      const same = byFolder.get(folder);
      if (same) same.push(f);
      else byFolder.set(folder, [f]);
    }
    return { builds: facts.flatMap((f) => f.imageBuilds), byFolder };
  }
}

/** Most files (source code, plain YAML) contribute nothing: keeping them out keeps `with` cheap and stable. */
function isEmpty(facts: FileFacts): boolean {
  return !facts.isDockerfile && facts.dockerignore === undefined && (facts.buildContexts ?? []).length === 0 && facts.networkPolicies.length === 0 && facts.namespaces.length === 0 && facts.resourceControls.length === 0 && facts.imageBuilds.length === 0 && facts.workloads.length === 0;
}

function sameNamespace(a: string | undefined, b: string | undefined): boolean {
  return a === undefined || b === undefined || a === b;
}

/** Docker Hub's short names: `nginx`, `library/nginx` and `docker.io/library/nginx` are one repository. */
function sameRepository(a: string, b: string): boolean {
  const canonical = (r: string) => r.replace(/^(?:docker\.io|index\.docker\.io)\//, '').replace(/^library\//, '');
  return canonical(a) === canonical(b);
}

/** metav1.LabelSelector semantics; an operator this code does not know counts as selecting (no finding on a guess). */
export function selects(selector: LabelSelector, labels: ReadonlyMap<string, string>): boolean {
  if (!selector.matchLabels.every(([k, v]) => labels.get(k) === v)) return false;
  return selector.matchExpressions.every(({ key, operator, values }) => {
    const value = labels.get(key);
    switch (operator) {
      case 'In':
        return value !== undefined && values.includes(value);
      case 'NotIn':
        return value === undefined || !values.includes(value);
      case 'Exists':
        return value !== undefined;
      case 'DoesNotExist':
        return value === undefined;
      default:
        return true;
    }
  });
}

/** Whether any enabled rule reads the workspace: if none does, callers skip building the index. */
export function needsWorkspace(rules: readonly { readonly readsWorkspace?: boolean }[]): boolean {
  return rules.some((r) => r.readsWorkspace === true);
}
