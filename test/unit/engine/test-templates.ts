import { defineTemplate, type AnyTemplate } from '../../../server/src/engine/templates/template';

// Minimal templates for engine tests, so these tests do not depend on which core rules exist.

const wordTemplate = defineTemplate<'text', { word: string }>({
  id: 'test-word',
  language: 'text',
  description: 'Reports every occurrence of a word; its fix deletes it.',
  paramsSchema: { type: 'object', required: ['word'], properties: { word: { type: 'string', minLength: 1 } }, additionalProperties: false },
  placeholders: ['word'],
  fixKind: 'autofix',
  instantiate: (params, compile) => {
    const regex = compile(params.word);
    return (model, ctx) => {
      for (const m of regex.matchAll(model.text)) {
        ctx.report({ span: { start: m.start, end: m.end }, data: { word: m.groups[0] ?? '' }, fixes: [{ title: 'Delete it', kind: 'autofix', edits: [{ span: { start: m.start, end: m.end }, newText: '' }] }] });
      }
    };
  },
});

const throwingTemplate = defineTemplate<'text', Record<string, never>>({
  id: 'test-throws',
  language: 'text',
  description: 'Always throws, to prove rules are isolated.',
  paramsSchema: { type: 'object' },
  placeholders: [],
  instantiate: () => () => {
    throw new Error('boom');
  },
});

export const TEST_TEMPLATES: ReadonlyMap<string, AnyTemplate> = new Map([wordTemplate, throwingTemplate].map((t) => [t.id, t]));

export function ruleYaml(id: string, template: string, params: string, extra = ''): string {
  return `id: ${id}
title: Test rule ${id}
severity: high
confidence: high
message: 'Found {{word}}.'
description: A rule for engine tests.
remediation: Remove it.
match:
  template: ${template}
  params: ${params}
${extra}`;
}

export const PACK_YAML = 'id: test\nversion: 1.0.0\ndescription: Test pack.\n';
