import type { Node } from 'yaml';
import { findPair, getIn, nodeSpan } from '../../parsers/yaml-nodes';
import { defineTemplate } from '../template';

/** A Namespace the workspace defines without a LimitRange or ResourceQuota in it. */
export const namespaceResourceControlsMissing = defineTemplate<'kubernetes', Record<string, never>>({
  id: 'workspace-namespace-resource-controls-missing',
  language: 'kubernetes',
  readsWorkspace: true,
  objectKinds: ['Namespace'],
  description:
    'Reports a Namespace defined in the workspace when no LimitRange or ResourceQuota of the workspace is in that namespace, so its pods have no default or bounded CPU and memory. Reads the workspace index; silent without one.',
  paramsSchema: { type: 'object', additionalProperties: false, properties: {} },
  placeholders: ['namespace'],
  instantiate: () => (model, ctx) => {
    const index = ctx.workspace;
    if (!index) return;
    for (const object of model.objects) {
      const doc = object.document.doc;
      if (object.kind !== 'Namespace' || !object.name || !doc) continue;
      if (index.resourceControlsIn(object.name).length > 0) continue;
      const nameNode = getIn(doc, object.node, ['metadata', 'name']);
      const span = nodeSpan(object.document.base, nameNode) ?? nodeSpan(object.document.base, findPair(doc, object.node, 'kind')?.key as Node);
      if (span) ctx.report({ span, data: { namespace: object.name }, origins: { namespace: span } });
    }
  },
});
