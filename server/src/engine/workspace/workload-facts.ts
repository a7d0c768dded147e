import { detectLanguage } from '../language';
import { parseKubernetes, type KubernetesModel } from '../parsers/kubernetes';
import { containersOf, objectLabel, podSpecOf, securityContextOf, WORKLOAD_KINDS, type ContainerRef } from '../parsers/kubernetes-workloads';
import { getIn, k8sScalar, nodeSpan, scalarString } from '../parsers/yaml-nodes';
import { LineIndex } from '../text';
import type { ParseCache, SourceFile, Span } from '../types';
import { locate, type FactLocation, type WorkloadContainerFact } from './facts';

// The containers of a manifest's workloads, with the image each runs and whether the pod spec alone
// guarantees a non-root user: what a Dockerfile's `docker-user-missing` needs to know about the pods
// that run its image. Read from the same parse (cache) the file's own analysis uses.

const WORKLOAD_KIND_SET: ReadonlySet<string> = new Set(WORKLOAD_KINDS);

/** The workload containers of a Kubernetes file; none for any other file. */
export function workloadFacts(file: SourceFile, cache?: ParseCache): WorkloadContainerFact[] {
  if (detectLanguage(file) !== 'kubernetes') return [];
  const lines = new LineIndex(file.text);
  return workloadFactsOf(parseKubernetes(file.text, cache, lines, WORKLOAD_KIND_SET), file.uri);
}

export function workloadFactsOf(model: KubernetesModel, uri: string, locateIn: (span: Span) => FactLocation = (span) => locate(uri, model.lines, span)): WorkloadContainerFact[] {
  const out: WorkloadContainerFact[] = [];
  for (const object of model.objects) {
    if (!object.kind || !WORKLOAD_KIND_SET.has(object.kind)) continue;
    const pod = podSpecOf(object);
    if (!pod) continue;
    for (const container of containersOf(pod)) {
      const imageNode = getIn(pod.doc, container.node, ['image']);
      const image = scalarString(imageNode);
      const span = nodeSpan(pod.base, imageNode);
      // A templated image (`{{ .Values.image }}`, `${IMAGE}`) names no image yet.
      if (!image || !span || /[$]\{?|\{\{/.test(image)) continue;
      out.push({ object: objectLabel(object), container: container.name, image, nonRoot: runsAsNonRoot(container), location: locateIn(span) });
    }
  }
  return out;
}

/**
 * Kubernetes' precedence: the container's securityContext, else the pod's. A non-zero runAsUser, or
 * runAsNonRoot: true with no runAsUser (the kubelet then refuses a root image rather than run it).
 * A runAsUser that is not a number (a template left in) proves nothing.
 */
export function runsAsNonRoot(container: ContainerRef): boolean {
  const { doc, spec } = container.pod;
  const holders = [securityContextOf(doc, container.node), securityContextOf(doc, spec)];
  const first = (field: string) => holders.map((h) => k8sScalar(doc, getIn(doc, h, [field]))).find((v) => v !== undefined && v !== null);
  const user = first('runAsUser');
  if (user !== undefined) return typeof user === 'number' && user > 0;
  return first('runAsNonRoot') === true;
}
