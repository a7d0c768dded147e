import { POD_READER_KINDS } from '../../parsers/kubernetes-workloads';
import type { Node } from 'yaml';
import { asMap, asSeq, findPair, getIn, nodeSpan, scalarString } from '../../parsers/yaml-nodes';
import { defineTemplate } from '../template';
import { podOrigins, podSpecs, podSubject } from './field-values';
import { trimEndOf } from '../../trim';

interface Params {
  /** Report only hostPath volumes whose path is one of these (after normalising); without it, every hostPath volume. */
  readonly paths?: readonly string[];
}

/** `/var/run` is a symlink to `/run` on every current distribution, and `//x/` is `/x`. */
export function normaliseHostPath(path: string): string {
  let p = path.trim().replace(/\/{2,}/g, '/');
  if (p.length > 1) p = trimEndOf(p, '/');
  return p === '/var/run' || p.startsWith('/var/run/') ? p.slice('/var'.length) : p;
}

export const hostPathVolume = defineTemplate<'kubernetes', Params>({
  id: 'k8s-host-path-volume',
  language: 'kubernetes',
  objectKinds: POD_READER_KINDS,
  description:
    'Reports hostPath volumes of every workload kind (spec.volumes[*].hostPath): all of them on the hostPath key, or, with `paths`, those whose path equals one of the given paths (comparing /var/run as /run, ignoring repeated and trailing slashes) on the path value.',
  paramsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: { paths: { type: 'array', minItems: 1, items: { type: 'string', pattern: '^/' } } },
  },
  placeholders: ['object', 'subject', 'volume', 'path'],
  instantiate: (params) => {
    const paths = params.paths ? new Set(params.paths.map(normaliseHostPath)) : undefined;
    return (model, ctx) => {
      for (const pod of podSpecs(model, ctx)) {
        const volumes = asSeq(pod.doc, getIn(pod.doc, pod.spec, ['volumes']));
        volumes?.items.forEach((item, index) => {
          const volume = asMap(pod.doc, item);
          const hostPath = findPair(pod.doc, volume, 'hostPath');
          if (!volume || !hostPath || !asMap(pod.doc, hostPath.value)) return;
          const pathNode = getIn(pod.doc, hostPath.value, ['path']);
          const path = scalarString(pathNode) ?? '';
          const name = scalarString(getIn(pod.doc, volume, ['name'])) ?? `volumes[${index}]`;
          const subject = podSubject(pod);
          const data = { ...subject, volume: name, path };
          const key = `${subject.object}/${name}`;
          if (!paths) {
            const span = nodeSpan(pod.base, hostPath.key as Node);
            if (span) ctx.report({ span, key, data, origins: podOrigins(pod) });
          } else if (paths.has(normaliseHostPath(path))) {
            const span = nodeSpan(pod.base, pathNode);
            if (span) ctx.report({ span, key, data, origins: podOrigins(pod) });
          }
        });
      }
    };
  },
});
