import type { CheckContext, RelatedLocation } from '../../types';

/** Related locations kept per finding: enough to act on, bounded for a workspace of many copies. */
const MAX_RELATED = 10;

export interface WorkloadUserVerdict {
  /** Some workload of the workspace runs this Dockerfile's image, and every one keeps it off root. */
  readonly satisfied: boolean;
  /** The workloads that run the image with no non-root user of their own. */
  readonly related: readonly RelatedLocation[];
}

/**
 * The reverse of k8s-image-user-conflict: where every pod that runs the image this Dockerfile builds
 * sets a non-root runAsUser (or runAsNonRoot: true), the image never runs as root and a missing USER
 * is no finding. Pods are tied to the Dockerfile as imageSource does (compose, skaffold, folder name).
 * Without a workspace index, or when no pod of the workspace runs the image, nothing is known.
 */
export function workloadUserVerdict(ctx: CheckContext): WorkloadUserVerdict {
  const running = ctx.workspace && ctx.uri !== undefined ? ctx.workspace.containersRunning(ctx.uri) : [];
  if (running.length === 0) return { satisfied: false, related: [] };
  const asRoot = running.filter((c) => !c.nonRoot);
  if (asRoot.length === 0) return { satisfied: true, related: [] };
  const others = running.length - asRoot.length;
  const why = others > 0 ? ` (${others} of the ${running.length} containers that run it keep${others === 1 ? 's' : ''} it off root)` : '';
  return {
    satisfied: false,
    related: asRoot.slice(0, MAX_RELATED).map((c) => ({
      uri: c.location.uri,
      range: c.location.range,
      message: `${c.object} runs this image in container "${c.container}" with no non-root runAsUser or runAsNonRoot: true${why}.`,
    })),
  };
}
