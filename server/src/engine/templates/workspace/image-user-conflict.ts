import type { Node } from 'yaml';
import { containersOf, securityContextOf, WORKLOAD_KINDS, type ContainerRef } from '../../parsers/kubernetes-workloads';
import { getIn, k8sScalar, nodeSpan, scalarString } from '../../parsers/yaml-nodes';
import type { Span } from '../../types';
import { isRoot } from '../dockerfile/final-user';
import { containerOrigins, containerSubject, podSpecs } from '../kubernetes/field-values';
import { defineTemplate } from '../template';

/**
 * A container that must run as non-root (runAsNonRoot: true, no runAsUser) whose image a Dockerfile of
 * the workspace builds with a final USER root: the kubelet refuses to start it. The finding sits on
 * runAsNonRoot, with the Dockerfile's USER as related information.
 */
export const imageUserConflict = defineTemplate<'kubernetes', Record<string, never>>({
  id: 'workspace-image-user-conflict',
  language: 'kubernetes',
  readsWorkspace: true,
  objectKinds: WORKLOAD_KINDS,
  description:
    'Reports a container whose effective securityContext sets runAsNonRoot: true without runAsUser while its image is built by a Dockerfile of the workspace whose final stage sets USER root (or 0). The Dockerfile is found through a docker compose or skaffold file of the workspace, else as the only Dockerfile in a folder named like the image repository. Reads the workspace index; silent without one.',
  paramsSchema: { type: 'object', additionalProperties: false, properties: {} },
  placeholders: ['object', 'subject', 'container', 'image', 'dockerfile', 'user'],
  instantiate: () => (model, ctx) => {
    const index = ctx.workspace;
    if (!index) return;
    for (const pod of podSpecs(model)) {
      for (const container of containersOf(pod)) {
        const nonRoot = effective(container, 'runAsNonRoot');
        if (!nonRoot || nonRoot.value !== true || effective(container, 'runAsUser')) continue;
        const image = scalarString(getIn(pod.doc, container.node, ['image']));
        const source = image ? index.imageSource(image) : undefined;
        if (!image || !source?.user || !isRoot(source.user.user)) continue;
        const dockerfile = displayName(source.dockerfile);
        ctx.report({
          span: nonRoot.span,
          key: `${container.name}`,
          data: { ...containerSubject(container), image, dockerfile, user: source.user.user },
          origins: containerOrigins(container),
          related: [
            { uri: source.user.location.uri, range: source.user.location.range, message: `The image's final USER is ${source.user.user}.` },
            ...(source.build ? [{ uri: source.build.location.uri, range: source.build.location.range, message: `This build file says ${dockerfile} builds ${source.build.repository}.` }] : []),
          ],
        });
      }
    }
  },
});

/** The container's setting, else the pod's: Kubernetes' precedence. */
function effective(container: ContainerRef, field: string): { value: unknown; span: Span } | undefined {
  const { doc, base, spec } = container.pod;
  for (const holder of [securityContextOf(doc, container.node), securityContextOf(doc, spec)]) {
    const node = getIn(doc, holder, [field]);
    const value = k8sScalar(doc, node);
    const span = nodeSpan(base, node as Node | undefined);
    if (value !== undefined && value !== null && span) return { value, span };
  }
  return undefined;
}

function displayName(uri: string): string {
  const parts = uri.split(/[\\/]/);
  return parts.slice(-2).join('/');
}
