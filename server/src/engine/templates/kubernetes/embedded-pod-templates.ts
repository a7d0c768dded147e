import type { KubernetesModel } from '../../parsers/kubernetes';
import { WORKLOAD_KINDS, type PodSpecRef } from '../../parsers/kubernetes-workloads';
import { asMap, asSeq, getIn } from '../../parsers/yaml-nodes';

// Pod templates inside kinds the workload table does not list: a custom resource that runs pods keeps a pod
// template under `spec.template.spec`, sometimes one level deeper (an Agones `Fleet` templates a `GameServer`,
// which templates the pod: `spec.template.spec.template.spec`). Found by that shape, not by a list of CRDs, so
// the env values of any such resource are read like a Deployment's.

const WORKLOADS: ReadonlySet<string> = new Set(WORKLOAD_KINDS);
/** How many `template.spec` levels are followed below `spec` (a template of a template of a pod). */
const MAX_TEMPLATE_DEPTH = 3;

/** The pod specs of the file's objects of other kinds than the workloads': a `spec` with `containers` under nested templates. */
export function embeddedPodSpecs(model: KubernetesModel): PodSpecRef[] {
  const out: PodSpecRef[] = [];
  for (const object of model.objects) {
    const doc = object.document.doc;
    if (!doc || !object.kind || WORKLOADS.has(object.kind)) continue;
    const path = ['spec', 'template', 'spec'];
    for (let depth = 0; depth < MAX_TEMPLATE_DEPTH; depth++, path.push('template', 'spec')) {
      const spec = asMap(doc, getIn(doc, object.node, path));
      if (!spec) break;
      if (!asSeq(doc, getIn(doc, spec, ['containers']))) continue;
      out.push({ object, doc, base: object.document.base, spec, path: path.join('.'), template: asMap(doc, getIn(doc, object.node, path.slice(0, -1))) });
      break;
    }
  }
  return out;
}
