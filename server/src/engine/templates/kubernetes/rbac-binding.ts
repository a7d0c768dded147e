import type { Node } from 'yaml';
import { objectLabel } from '../../parsers/kubernetes-workloads';
import { asMap, asSeq, findPair, getIn, nodeSpan, pairSpan, scalarString } from '../../parsers/yaml-nodes';
import { defineTemplate } from '../template';

interface Params {
  /** Report a roleRef naming one of these roles (on roleRef.name). */
  readonly roles?: readonly string[];
  /** Report each subject matching one of these (on the subject's name); `kind` absent matches any kind. */
  readonly subjects?: readonly { readonly kind?: string; readonly name: string }[];
}

export const RBAC_BINDING_KINDS = ['RoleBinding', 'ClusterRoleBinding'];

export const rbacBinding = defineTemplate<'kubernetes', Params>({
  id: 'k8s-rbac-binding',
  language: 'kubernetes',
  objectKinds: RBAC_BINDING_KINDS,
  description:
    'Reads RoleBindings and ClusterRoleBindings: reports a `roleRef` naming one of `roles` on its name, and each subject matching one of `subjects` (name, and kind when given) on its name.',
  paramsSchema: {
    type: 'object',
    additionalProperties: false,
    minProperties: 1,
    properties: {
      roles: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } },
      subjects: {
        type: 'array',
        minItems: 1,
        items: {
          type: 'object',
          required: ['name'],
          additionalProperties: false,
          properties: { kind: { enum: ['User', 'Group', 'ServiceAccount'] }, name: { type: 'string', minLength: 1 } },
        },
      },
    },
  },
  placeholders: ['object', 'role', 'name', 'kind'],
  instantiate: (params) => (model, ctx) => {
    for (const object of model.objects) {
      if (!object.kind || !RBAC_BINDING_KINDS.includes(object.kind) || !object.document.doc) continue;
      const doc = object.document.doc;
      const base = object.document.base;
      const label = objectLabel(object);
      const roleName = findPair(doc, asMap(doc, getIn(doc, object.node, ['roleRef'])), 'name');
      const role = scalarString(roleName?.value) ?? '';
      if (params.roles && roleName && params.roles.includes(role)) {
        const span = pairSpan(base, roleName);
        if (span) ctx.report({ span, key: `${label}/roleRef`, data: { object: label, role, name: role, kind: 'role' } });
      }
      if (!params.subjects) continue;
      asSeq(doc, getIn(doc, object.node, ['subjects']))?.items.forEach((item, index) => {
        const subject = asMap(doc, item);
        const name = scalarString(getIn(doc, subject, ['name']));
        const kind = scalarString(getIn(doc, subject, ['kind'])) ?? '';
        if (!name || !params.subjects?.some((s) => s.name === name && (s.kind === undefined || s.kind === kind))) return;
        const span = nodeSpan(base, getIn(doc, subject, ['name']) as Node);
        if (span) ctx.report({ span, key: `${label}/subjects[${index}]`, data: { object: label, role, name, kind } });
      });
    }
  },
});
