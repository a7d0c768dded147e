import type { AnyTemplate } from '../template';

/** Sorted by id. */
export const KUBERNETES_TEMPLATES: readonly AnyTemplate[] = [];
