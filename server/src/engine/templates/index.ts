import { DOCKERFILE_TEMPLATES } from './dockerfile';
import { KUBERNETES_TEMPLATES } from './kubernetes';
import { TEXT_TEMPLATES } from './text';
import { WORKSPACE_TEMPLATES } from './workspace';
import type { AnyTemplate } from './template';

/** Every template the engine knows, by id. Packs can only name these. */
export function builtinTemplates(): ReadonlyMap<string, AnyTemplate> {
  const all = [...DOCKERFILE_TEMPLATES, ...KUBERNETES_TEMPLATES, ...TEXT_TEMPLATES, ...WORKSPACE_TEMPLATES];
  const map = new Map<string, AnyTemplate>();
  for (const t of all) {
    if (map.has(t.id)) throw new Error(`duplicate template id ${t.id}`);
    map.set(t.id, t);
  }
  return map;
}
